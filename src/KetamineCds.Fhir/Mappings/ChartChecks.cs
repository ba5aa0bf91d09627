using System.Globalization;
using System.Text;
using Hl7.Fhir.Model;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Fhir.Mappings;

/// <summary>
/// Chart entries no value set reads that must not vanish (<see cref="FhirReading.ToCheck"/>): they are named for the
/// clinician to check, never read as yes or no.
/// <list type="bullet">
/// <item>An AllergyIntolerance whose code's text or displays name ketamine or esketamine (<see cref="KetamineNames"/>),
/// neither refuted, entered in error, inactive nor resolved: no RxNorm or SNOMED CT code for them could be confirmed
/// (docs/fhir-mapping.md), so the words are matched, and only to say "check it" beside hypersensitivityToKetamine
/// (ALG-001, QA13 H3).</item>
/// <item>A confirmed, current Condition that names a psychotic disorder (ICD-10-CM F20 schizophrenia, F25 schizoaffective
/// disorder, or the words schizophrenia / schizoaffective / 精神分裂): the psychosis value set deliberately does not read
/// it (it does not say whether psychosis is active or controlled), but it is named beside psychosis (P-PSYCHOSIS, QA13 M4).</item>
/// <item>A MedicationRequest or MedicationStatement, not stopped, completed, cancelled, not taken or entered in error,
/// whose medicine has no code, or is coded only in code systems none of the medication value sets uses (NDC, SNOMED CT, a
/// local system; <see cref="CurrentMedicines.NotRead"/>): it may be naltrexone, an opioid, a benzodiazepine, an MAOI ...,
/// so it is named beside every medicine question (each field a medication value set reads, and the benzodiazepine dose,
/// which none reads). Its words are never matched against drug names: the clinician reads them (P-SAFETY-REMS).</item>
/// </list>
/// </summary>
internal static class ChartChecks
{
    private const string AllergyClinical = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
    private const string AllergyVerification = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification";
    private const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";

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
            if (Words(allergy.Code).Any(KetamineNames.In))
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
    }

    private static IEnumerable<string> Words(CodeableConcept? concept) =>
        concept is null ? [] : new[] { concept.Text }.Concat(concept.Coding.Select(c => c.Display)).OfType<string>();
}

/// <summary>A chart entry's words as the card and the form show them: plain, short, never markup.</summary>
internal static class ChartWords
{
    private const int Max = 80;

    /// <summary>The code's text, else its first display, else its first code; each shown with the code when there is one.</summary>
    public static string Of(CodeableConcept? concept)
    {
        var coding = concept?.Coding.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c.Code));
        var words = !string.IsNullOrWhiteSpace(concept?.Text) ? concept!.Text
            : concept?.Coding.Select(c => c.Display).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d));
        var code = coding?.Code;
        var text = words is null ? code ?? "(no code)" : code is null ? words : $"{words} ({code})";
        return Plain(text);
    }

    /// <summary>
    /// The code's text, else its first display, with each of its codes and the system it is in, for a medicine coded only
    /// in systems no value set reads ("oxycodone 5 mg (NDC 12345-678-90)"): a bare code does not say which system it is
    /// from. NDC and SNOMED CT are named; another system by its URI as the chart sends it; a code without a system alone.
    /// These are names only: which systems are read is the value sets' (<see cref="CurrentMedicines.NotRead"/>).
    /// </summary>
    public static string WithSystems(CodeableConcept concept)
    {
        var words = !string.IsNullOrWhiteSpace(concept.Text) ? concept.Text
            : concept.Coding.Select(c => c.Display).FirstOrDefault(d => !string.IsNullOrWhiteSpace(d));
        var codes = string.Join(", ", concept.Coding
            .Where(c => !string.IsNullOrWhiteSpace(c.Code))
            .Select(c => SystemName(c.System) is { } system ? $"{system} {c.Code!.Trim()}" : c.Code!.Trim())
            .Distinct(StringComparer.Ordinal));
        return Plain(words is null ? codes : $"{words} ({codes})");
    }

    private static string? SystemName(string? system) => system?.Trim() switch
    {
        null or "" => null,
        "http://hl7.org/fhir/sid/ndc" => "NDC",
        "http://snomed.info/sct" => "SNOMED CT",
        var other => other,
    };

    /// <summary>Keeps letters, digits, spaces and simple punctuation: no line breaks, markdown, HTML or hidden marks reach a card.</summary>
    private static string Plain(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (builder.Length >= Max)
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
