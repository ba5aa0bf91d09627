using System.Globalization;
using System.Text;
using Hl7.Fhir.Model;
using KetamineCds.Domain.Screening;
using KetamineCds.Fhir.ValueSets;

namespace KetamineCds.Fhir.Mappings;

/// <summary>
/// Chart entries no value set reads that must not vanish (<see cref="FhirReading.ToCheck"/>): they are named for the
/// clinician to check, never read as yes or no.
/// <list type="bullet">
/// <item>An AllergyIntolerance, neither refuted, entered in error, inactive nor resolved, coded RxNorm 6130, 2201623 or
/// 2201625 (<see cref="KetamineNames.RxNormCodes"/>, the codes the order-sign hook reads as ketamine; QA120 F6), or whose
/// code's text or displays name ketamine or esketamine (<see cref="KetamineNames"/>): named, only to say "check it"
/// beside hypersensitivityToKetamine (ALG-001, QA13 H3). It is never read as yes: an allergy record does not say what
/// reaction it was, and no SNOMED CT code for these substances could be confirmed (docs/fhir-mapping.md).</item>
/// <item>A confirmed, current Condition that names a psychotic disorder (ICD-10-CM F20 schizophrenia, F25 schizoaffective
/// disorder, or the words schizophrenia / schizoaffective / 精神分裂): the psychosis value set deliberately does not read
/// it (it does not say whether psychosis is active or controlled), but it is named beside psychosis (P-PSYCHOSIS, QA13 M4).</item>
/// <item>A MedicationRequest or MedicationStatement, not stopped, completed, cancelled, not taken or entered in error,
/// whose medicine has no code, or is coded only in code systems none of the medication value sets uses (NDC, SNOMED CT, a
/// local system; <see cref="CurrentMedicines.NotRead"/>): it may be naltrexone, an opioid, a benzodiazepine, an MAOI ...,
/// so it is named beside every medicine question (each field a medication value set reads, and the benzodiazepine dose,
/// which none reads). Its words are never matched against drug names: the clinician reads them (P-SAFETY-REMS).</item>
/// <item>A confirmed Condition, current or with no clinical status, whose code is in the <c>conditions-naming-questions</c>
/// value set (<see cref="NamingQuestions"/>): a bipolar disorder of unstated type, a delusional or other psychotic disorder,
/// an arteriovenous malformation, a pregnancy, a hepatic failure or cirrhosis. Each entry's value is the field it is named
/// beside; it is never read as that field's answer (QA132 F2), and a "no" read elsewhere in the chart does not stand beside it.</item>
/// <item>A Condition, neither refuted nor entered in error, coded only in systems no Condition value set uses, or not
/// coded (<see cref="UnreadConditions"/>): named beside every Condition question, never translated (QA120 F3).</item>
/// </list>
/// </summary>
internal static class ChartChecks
{
    private const string AllergyClinical = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
    private const string AllergyVerification = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification";
    private const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";

    /// <summary>The value set of Conditions that name a question but do not answer it; each entry's value is its field.</summary>
    public const string NamingQuestions = "conditions-naming-questions";

    private static readonly string[] PsychoticDisorderWords = ["schizophreni", "schizoaffective", "精神分裂"];

    /// <summary>ICD-10-CM categories of a psychotic disorder (schizophrenia, schizoaffective disorder), matched as prefixes.</summary>
    private static readonly string[] PsychoticDisorderIcd10Cm = ["F20", "F25"];

    /// <summary>The medicine questions, in the catalogue's order: every field a medication value set reads, and the benzodiazepine dose.</summary>
    private static readonly Lazy<string[]> MedicineQuestions = new(() =>
    {
        var medicines = FieldReaders.All.Where(r => r.ValueSet.Read.From == "medication").Select(r => r.Field.Name)
            .Append(Fields.BenzodiazepineDiazepamEquivalentMg.Name).ToHashSet(StringComparer.Ordinal);
        return [.. Fields.All.Select(f => f.Name).Where(medicines.Contains)];
    });

    public static void Read(PatientRecord record, ReadingBuilder reading)
    {
        foreach (var (reference, kind, what) in CurrentMedicines.NotRead(record))
        {
            foreach (var field in MedicineQuestions.Value)
                reading.Check(field, kind, reference, what);
        }

        foreach (var (allergy, reference) in record.Allergies)
        {
            var clinical = Codes.CodeIn(allergy.ClinicalStatus, AllergyClinical);
            var verification = Codes.CodeIn(allergy.VerificationStatus, AllergyVerification);
            if (clinical is "inactive" or "resolved" || verification is "refuted" or "entered-in-error")
                continue;
            if (allergy.Code?.Coding.Any(c => KetamineNames.IsRxNormCode(c.System, c.Code)) == true)
                reading.Check(Fields.HypersensitivityToKetamine.Name, ChartCheckKind.AllergyCodedKetamine, reference, ChartWords.WithSystems(allergy.Code));
            else if (Words(allergy.Code).Any(KetamineNames.In))
                reading.Check(Fields.HypersensitivityToKetamine.Name, ChartCheckKind.AllergyNamingKetamine, reference, ChartWords.Of(allergy.Code));
        }

        foreach (var (condition, reference) in record.Conditions)
        {
            if (ConditionStatus.VerificationOf(condition) != Verification.Confirmed || ConditionStatus.ClinicalOf(condition) != ClinicalState.Current)
                continue;
            var coded = condition.Code?.Coding.Any(c => string.Equals(c.System, Icd10Cm, StringComparison.Ordinal) && c.Code is { } code
                && PsychoticDisorderIcd10Cm.Any(p => code.StartsWith(p, StringComparison.OrdinalIgnoreCase))) == true;
            if (coded || Words(condition.Code).Any(w => PsychoticDisorderWords.Any(k => w.Contains(k, StringComparison.OrdinalIgnoreCase))))
                reading.Check(Fields.Psychosis.Name, ChartCheckKind.PsychoticDisorder, reference, ChartWords.Of(condition.Code));
        }

        // QA132 F2: a confirmed Condition whose code names a question the reader does not answer from it. One that may be
        // current (no clinical status) is named too: the questions are about now, and the safer reading is to ask.
        var naming = ValueSetCatalogue.Get(NamingQuestions);
        foreach (var (condition, reference) in record.Conditions)
        {
            if (ConditionStatus.VerificationOf(condition) != Verification.Confirmed || ConditionStatus.ClinicalOf(condition) is not (ClinicalState.Current or ClinicalState.Unknown))
                continue;
            foreach (var field in Codes.Matches(naming, condition.Code).Select(m => m.Value).OfType<string>().Distinct(StringComparer.Ordinal))
                reading.Check(field, ChartCheckKind.ConditionNamesQuestion, reference, ChartWords.Of(condition.Code), outweighsNo: true);
        }

        foreach (var (reference, what) in UnreadConditions.In(record))
        {
            foreach (var field in UnreadConditions.Questions.Value)
                reading.Check(field, ChartCheckKind.ConditionCodeNotRead, reference, what);
        }
    }

    private static IEnumerable<string> Words(CodeableConcept? concept) =>
        concept is null ? [] : new[] { concept.Text }.Concat(concept.Coding.Select(c => c.Display)).OfType<string>();
}

/// <summary>
/// A chart entry's words as the card and the form show them: plain, short (80 characters), never markup. An integrator
/// must be able to find the entry in the chart by its code, so a code shown with words is kept whole: when the two do
/// not fit, a system named by its URI gives way first (its middle elided with "…", its start and end kept, down to 24
/// characters), then the words (cut at their end with "…", down to 16), which stay first. Only codes too long to fit
/// even then are cut, as any text is.
/// </summary>
internal static class ChartWords
{
    private const int Max = 80;

    /// <summary>The fewest characters a system's URI is shortened to.</summary>
    private const int ShortestSystem = 24;

    /// <summary>The fewest characters the words are cut to.</summary>
    private const int ShortestWords = 16;

    /// <summary>The code's text, else its first display, else its first code; each shown with the code when there is one.</summary>
    public static string Of(CodeableConcept? concept)
    {
        var coding = concept?.Coding.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c.Code));
        var words = !string.IsNullOrWhiteSpace(concept?.Text) ? concept!.Text
            : concept?.Coding.Select(c => c.Display).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d));
        var code = coding?.Code;
        return words is null ? Plain(code ?? "(no code)") : code is null ? Plain(words) : Fit(words, [(null, code)]);
    }

    /// <summary>
    /// The code's text, else its first display, with each of its codes and the system it is in, for a medicine or a
    /// Condition coded only in systems no value set reads ("oxycodone 5 mg (NDC 12345-678-90)"), or an allergy coded as
    /// ketamine ("RxNorm 6130"): a bare code does not say which system it is from. NDC, SNOMED CT and RxNorm are named
    /// (by their canonical URIs only); another system by its URI as the chart sends it, its middle elided when it
    /// would not leave room for the codes; a code without a system alone. These are names only: which systems are read
    /// is the value sets' (<see cref="CurrentMedicines.NotRead"/>).
    /// </summary>
    public static string WithSystems(CodeableConcept concept)
    {
        var words = !string.IsNullOrWhiteSpace(concept.Text) ? concept.Text
            : concept.Coding.Select(c => c.Display).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d));
        var codes = concept.Coding
            .Where(c => !string.IsNullOrWhiteSpace(c.Code))
            .Select(c => (System: SystemName(c.System), Code: c.Code!.Trim()))
            .Distinct()
            .ToList();
        return Fit(words, codes);
    }

    private static string? SystemName(string? system) => system?.Trim() switch
    {
        null or "" => null,
        "http://hl7.org/fhir/sid/ndc" => "NDC",
        "http://snomed.info/sct" => "SNOMED CT",
        KetamineNames.RxNormSystem => "RxNorm",
        var other => other,
    };

    /// <summary>
    /// "words (system code, system code)", or the codes alone without words, within <see cref="Max"/>: the codes whole,
    /// a system's URI shortened first, then the words. Only codes too long to fit even so are cut, as any text is.
    /// </summary>
    private static string Fit(string? words, IReadOnlyList<(string? System, string Code)> codes)
    {
        var plainWords = words is null ? null : Plain(words, int.MaxValue);
        var plainCodes = codes.Select(c => (System: c.System is null ? null : Plain(c.System, int.MaxValue), Code: Plain(c.Code, int.MaxValue))).ToList();
        string Compose(int systemLength, int wordsLength)
        {
            var named = string.Join(", ", plainCodes.Select(c => c.System is { Length: > 0 } system ? $"{Shortened(system, systemLength)} {c.Code}" : c.Code));
            return plainWords is null ? named : $"{Shortened(plainWords, wordsLength, elideMiddle: false)} ({named})";
        }

        var longestSystem = plainCodes.Max(c => c.System?.Length ?? 0);
        var wordsLength = plainWords?.Length ?? 0;
        if (Compose(longestSystem, wordsLength).Length <= Max)
        {
            return Compose(longestSystem, wordsLength);
        }

        var systemLength = Largest(ShortestSystem, longestSystem, s => Compose(s, wordsLength).Length <= Max) ?? Math.Min(ShortestSystem, longestSystem);
        var cutWords = Largest(ShortestWords, wordsLength, w => Compose(systemLength, w).Length <= Max) ?? Math.Min(ShortestWords, wordsLength);
        var text = Compose(systemLength, cutWords);
        return text.Length <= Max ? text : string.Concat(text.AsSpan(0, Max), "\u2026");
    }

    /// <summary>The text within <paramref name="length"/> characters: its middle elided (a URI keeps its host and its name), or its end cut.</summary>
    private static string Shortened(string text, int length, bool elideMiddle = true)
    {
        if (text.Length <= length)
        {
            return text;
        }

        if (!elideMiddle)
        {
            return text[..(length - 1)].TrimEnd() + "\u2026";
        }

        var head = (length - 1) / 2;
        return string.Concat(text.AsSpan(0, head), "\u2026", text.AsSpan(text.Length - (length - 1 - head)));
    }

    /// <summary>The largest value from <paramref name="low"/> to <paramref name="high"/> for which <paramref name="fits"/> holds (it holds for all below one that does), or null.</summary>
    private static int? Largest(int low, int high, Func<int, bool> fits)
    {
        if (high < low || !fits(low))
        {
            return null;
        }

        while (low < high)
        {
            var middle = low + ((high - low + 1) / 2);
            if (fits(middle))
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }

    /// <summary>
    /// Keeps letters, digits, spaces and simple punctuation: no line breaks, markdown, HTML or hidden marks reach a card;
    /// cut after <paramref name="max"/> characters with "…".
    /// </summary>
    private static string Plain(string text, int max = Max)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (builder.Length >= max)
            {
                builder.Append('…');
                break;
            }

            var category = char.GetUnicodeCategory(c);
            if (char.IsLetterOrDigit(c) || c is '.' or ',' or '-' or '(' or ')' or '/' or ':' or '\'' or '%' || category == UnicodeCategory.OtherPunctuation && c is '，' or '、')
                builder.Append(c);
            else if (char.IsWhiteSpace(c) || c is '_' or '*' or '[' or ']' or '<' or '>' or '`' or '#' or '|')
                builder.Append(' ');
        }

        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
