using KetamineCds.Domain.Screening;
using KetamineCds.Fhir.ValueSets;

namespace KetamineCds.Fhir.Tests;

/// <summary>
/// QA13 H2: a refuted Condition is negative evidence for its own code only. Every safety question read from Conditions
/// covers more than one code (several aneurysm sites, unstable angina and heart failure, infarction and stroke, one
/// haemorrhage among others, one dementia among many, an episode among a history), so ruling one code out never answers
/// the question "no": the field stays not recorded for the clinician.
/// </summary>
public class RefutedConditionTests
{
    /// <summary>One value set per row: the field it answers and a code of it (the QA13 evidence's codes where it used them).</summary>
    public static TheoryData<string, string, string, string, string?> OneCodePerValueSet => new()
    {
        { "aneurysmal-vascular-disease", "aneurysmalVascularDisease", Fhir.Icd10Cm, "I71.40", null },
        { "aneurysmal-vascular-disease", "aneurysmalVascularDisease", Fhir.Snomed, "432119003", null },
        { "serious-cardiovascular-condition", "seriousCardiovascularOrCerebrovascularCondition", Fhir.Icd10Cm, "I20.0", null },
        { "recent-myocardial-infarction-or-stroke", "recentMyocardialInfarctionOrStroke", Fhir.Icd10Cm, "I21.4", "2026-11-28" },
        { "intracerebral-hemorrhage", "intracerebralHemorrhageHistory", Fhir.Icd10Cm, "I61.0", null },
        { "hypertensive-encephalopathy", "hypertensiveEncephalopathyHistory", Fhir.Icd10Cm, "I67.4", null },
        { "cognitive-impairment", "cognitiveImpairment", Fhir.Icd10Cm, "F01.50", null },
        { "current-depressive-episode", "currentDepressiveEpisode", Fhir.Icd10Cm, "F33.1", null },
    };

    [Theory]
    [MemberData(nameof(OneCodePerValueSet))]
    public void Read_RefutedCode_LeavesTheFieldNotRecorded(string valueSet, string field, string system, string code, string? onset)
    {
        Assert.NotEmpty(Codes.Matches(ValueSetCatalogue.Get(valueSet), new Hl7.Fhir.Model.CodeableConcept(system, code)));

        var reading = Fhir.Read(Fhir.Patient(), Fhir.Condition("c1", system, code, verification: "refuted", onset: onset));

        Assert.False(reading.Values.ContainsKey(field), $"{valueSet}: a refuted {code} answered {field}");
    }

    [Fact]
    public void EveryValueSetReadFromConditions_NeverAnswersNoFromARefutedCode()
    {
        var conditionSets = Fields.All.Where(f => f.ValueSet is not null)
            .Select(f => ValueSetCatalogue.Get(f.ValueSet!))
            .Where(v => v.Read.From == "condition")
            .ToList();

        Assert.NotEmpty(conditionSets);
        Assert.All(conditionSets, v => Assert.False(v.Read.RefutedAnswersNo, $"{v.Id} lets a refuted code answer no"));
    }

    /// <summary>Every code of every value set read from Conditions, refuted: no field is answered.</summary>
    [Fact]
    public void Read_EveryCodeRefuted_AnswersNoField()
    {
        foreach (var field in Fields.All.Where(f => f.ValueSet is not null))
        {
            var valueSet = ValueSetCatalogue.Get(field.ValueSet!);
            if (valueSet.Read.From != "condition")
            {
                continue;
            }

            foreach (var entry in valueSet.Codes)
            {
                var reading = Fhir.Read(Fhir.Patient(), Fhir.Condition("c1", entry.System, entry.Code ?? entry.Prefix!, verification: "refuted", onset: "2026-11-28"));

                Assert.False(reading.Values.ContainsKey(field.Name), $"{valueSet.Id}: a refuted {entry} answered {field.Name}");
            }
        }
    }
}
