using Hl7.Fhir.Model;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Fhir.Mappings;

/// <summary>
/// Conditions no Condition value set can read (QA120 F3), as <see cref="CurrentMedicines.NotRead"/> is for medicines:
/// neither refuted nor entered in error, and with no code in a code system any Condition value set uses (ICD-10-CM
/// <c>http://hl7.org/fhir/sid/icd-10-cm</c> and SNOMED CT <c>http://snomed.info/sct</c> today, read from the value sets
/// themselves): coded only in WHO ICD-10 (<c>http://hl7.org/fhir/sid/icd-10</c>), the ICD-10-CM or SNOMED CT OIDs
/// (<c>urn:oid:2.16.840.1.113883.6.90</c>, <c>.6.96</c>), <c>http://snomed.info/sct/</c> with a trailing slash, a local
/// system or none, or not coded at all. Such a Condition may be one a question asks about (an aneurysm, a bipolar
/// disorder), so it is named beside every Condition question and keeps the answers it could change not recorded. Its
/// codes are never translated: WHO ICD-10 and ICD-10-CM share most categories but not every code or meaning, and an OID
/// spelling is a mistake the reader must not turn into silence or into a guess.
/// </summary>
internal static class UnreadConditions
{
    private static readonly string[] ConditionReadings = ["condition", "condition-choice", "substance-use"];

    private static readonly Lazy<HashSet<string>> ReadSystems = new(() => FieldReaders.All
        .Where(r => ConditionReadings.Contains(r.ValueSet.Read.From))
        .SelectMany(r => r.ValueSet.Codes)
        .Select(c => c.System)
        .ToHashSet(StringComparer.Ordinal));

    /// <summary>The Condition questions, in the catalogue's order: every field a Condition value set reads.</summary>
    public static readonly Lazy<string[]> Questions = new(() =>
    {
        var questions = FieldReaders.All.Where(r => ConditionReadings.Contains(r.ValueSet.Read.From)).Select(r => r.Field.Name).ToHashSet(StringComparer.Ordinal);
        return [.. Fields.All.Select(f => f.Name).Where(questions.Contains)];
    });

    /// <summary>Each Condition no value set can read, with the chart's words and each code with its system.</summary>
    public static IEnumerable<(string Reference, string What)> In(PatientRecord record)
    {
        foreach (var (condition, reference) in record.Conditions)
        {
            if (ConditionStatus.VerificationOf(condition) is Verification.Refuted or Verification.EnteredInError)
                continue;
            var coded = condition.Code?.Coding.Where(c => !string.IsNullOrWhiteSpace(c.Code)).ToList() ?? [];
            if (coded.Any(c => c.System is { } system && ReadSystems.Value.Contains(system)))
                continue;
            yield return (reference, coded.Count == 0 ? ChartWords.Of(condition.Code) : ChartWords.WithSystems(condition.Code!));
        }
    }

    /// <summary>Whether the record holds any Condition no value set can read.</summary>
    public static bool Any(PatientRecord record) => In(record).Any();
}
