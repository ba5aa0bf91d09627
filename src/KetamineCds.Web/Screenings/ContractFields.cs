using KetamineCds.Domain.Screening;

namespace KetamineCds.Web.Screenings;

/// <summary>The JSON type a contract field takes.</summary>
public enum FieldType { Text, WholeNumber, Number, YesNo, Choice }

/// <summary>One field of the screening contract: its JSON name, its type, and how a clinician calls it.</summary>
/// <param name="Name">The contract's camelCase name.</param>
/// <param name="Property">The <see cref="ScreeningRequest"/> property that holds it.</param>
/// <param name="Type">The JSON type.</param>
/// <param name="Label">The field in a clinician's words, used in labels and messages.</param>
/// <param name="Choices">The allowed strings for a choice.</param>
public sealed record ContractField(string Name, string Property, FieldType Type, string Label, IReadOnlyList<string> Choices);

/// <summary>Every field of the screening contract (shared/api/screening-v1.md), in the contract's order.</summary>
public static class ContractFields
{
    public static IReadOnlyList<ContractField> All { get; } =
    [
        Text("patientReference", "Patient reference (MRN)"),
        Integer("ageYears", "Age in years"),
        Choice<SexAtBirth>("sexAtBirth", "Sex at birth"),
        Boolean("pregnant", "Pregnant"),
        Boolean("breastfeeding", "Breastfeeding"),
        Choice<Jurisdiction>("jurisdiction", "Labelling jurisdiction"),
        Choice<PrimaryDiagnosis>("primaryDiagnosis", "Primary diagnosis"),
        Boolean("currentDepressiveEpisode", "Current major depressive episode"),
        Integer("failedAdequateTrials", "Failed adequate antidepressant trials"),
        Integer("distinctMechanisms", "Distinct mechanisms tried"),
        Boolean("onOralAntidepressant", "On an oral antidepressant"),
        Choice<MoodStabilizer>("moodStabilizer", "Mood stabilizer"),
        Boolean("moodStabilizerOptimized", "Mood stabilizer at a therapeutic level"),
        Boolean("currentManiaOrMixedFeatures", "Current mania or mixed features"),
        Choice<PsychosisStatus>("psychosis", "Psychosis"),
        Choice<Suicidality>("suicidality", "Suicidality"),
        Boolean("safetyPlanInPlace", "Safety plan in place"),
        Boolean("lethalMeansCounselled", "Lethal-means counselling given"),
        Boolean("followUpArranged", "Immediate follow-up arranged"),
        Boolean("lifeLimitingIllness", "Life-limiting illness"),
        Integer("prognosisWeeks", "Prognosis in weeks"),
        Boolean("chronicNeuropathicPain", "Chronic neuropathic pain"),
        Boolean("onOpioids", "On opioids"),
        Boolean("opioidInducedHyperalgesia", "Opioid-induced hyperalgesia"),
        Boolean("onNaltrexone", "On naltrexone"),
        Number("benzodiazepineDiazepamEquivalentMg", "Benzodiazepine dose (mg diazepam equivalent per day)"),
        Boolean("onPsychostimulantOrMaoi", "On a psychostimulant or MAOI"),
        Choice<SubstanceUse>("substanceUse", "Substance use disorder"),
        Boolean("aneurysmalVascularDisease", "Aneurysmal vascular disease"),
        Boolean("arteriovenousMalformation", "Arteriovenous malformation"),
        Boolean("intracerebralHemorrhageHistory", "History of intracerebral haemorrhage"),
        Boolean("hypersensitivityToKetamine", "Hypersensitivity to ketamine or esketamine"),
        Boolean("seriousCardiovascularOrCerebrovascularCondition", "Serious cardiovascular or cerebrovascular condition"),
        Integer("systolicBp", "Systolic blood pressure"),
        Integer("diastolicBp", "Diastolic blood pressure"),
        Choice<HepaticImpairment>("hepaticImpairment", "Hepatic impairment"),
        Integer("phq9Total", "PHQ-9 total score"),
        Integer("phq9Item9", "PHQ-9 item 9"),
        Text("clinicianNote", "Clinician's note"),
    ];

    private static readonly Dictionary<string, ContractField> ByName = All.ToDictionary(f => f.Name, StringComparer.Ordinal);
    private static readonly Dictionary<string, ContractField> ByProperty = All.ToDictionary(f => f.Property, StringComparer.Ordinal);

    /// <summary>The field with this contract name, or null (names are case-sensitive, as in the contract).</summary>
    public static ContractField? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The field held by this <see cref="ScreeningRequest"/> property, or null.</summary>
    public static ContractField? ForProperty(string property) => ByProperty.GetValueOrDefault(property);

    /// <summary>The clinician's words for a contract field name; the name itself if unknown.</summary>
    public static string LabelOf(string name) => Find(name)?.Label ?? name;

    /// <summary>The contract name for a property path such as <c>AgeYears</c>.</summary>
    public static string NameOfProperty(string property) => ForProperty(property)?.Name ?? (property.Length == 0 ? property : char.ToLowerInvariant(property[0]) + property[1..]);

    private static ContractField Text(string name, string label) => new(name, Pascal(name), FieldType.Text, label, []);

    private static ContractField Integer(string name, string label) => new(name, Pascal(name), FieldType.WholeNumber, label, []);

    private static ContractField Number(string name, string label) => new(name, Pascal(name), FieldType.Number, label, []);

    private static ContractField Boolean(string name, string label) => new(name, Pascal(name), FieldType.YesNo, label, []);

    private static ContractField Choice<TEnum>(string name, string label)
        where TEnum : struct, Enum => new(name, Pascal(name), FieldType.Choice, label, WireNames.All<TEnum>());

    private static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name[1..];
}
