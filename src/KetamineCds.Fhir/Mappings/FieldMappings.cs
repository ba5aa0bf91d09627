using KetamineCds.Domain.Screening;

namespace KetamineCds.Fhir.Mappings;

/// <summary>
/// How each field the field catalogue gives a value set is read (docs/fhir-mapping.md). The catalogue says which value
/// set; this says which resources and statuses count. A test checks that the two name the same fields.
/// </summary>
internal static class FieldMappings
{
    /// <summary>The window of <see cref="Fields.RecentMyocardialInfarctionOrStroke"/>: 6 weeks (rule CV-006).</summary>
    public const int RecentEventWindowDays = 42;

    private static readonly HashSet<ClinicalState> DiagnosisStates = [ClinicalState.Current, ClinicalState.Remission];

    public static IReadOnlyDictionary<string, FieldMapping> ByField { get; } = new Dictionary<string, FieldMapping>(StringComparer.Ordinal)
    {
        [Fields.PrimaryDiagnosis.Name] = new ConditionChoice(DiagnosisStates, new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["mdd"] = ["bipolar-i", "bipolar-ii"],
        }),
        [Fields.AneurysmalVascularDisease.Name] = new ConditionFlag(ConditionTime.Current),
    };
}
