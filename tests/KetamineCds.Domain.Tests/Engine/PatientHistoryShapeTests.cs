using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Tests.Engine;

/// <summary>
/// <see cref="PatientHistory"/> is generated from the field catalogue (<see cref="Fields"/>), and its JSON is what the
/// decision log stores and hashes (<c>HistoryJson</c>). The names, order and spelling of the existing properties never
/// change, or stored entries would no longer read back as they were written. A new field is added: its property at the
/// place of its field in <see cref="Fields.All"/>, and its member in <see cref="Full"/> and in both pinned strings below
/// (the only edit these tests take; docs/contributing.md, "Add a field"). Entries stored before it keep their own text,
/// without the member, and read it back as not recorded.
/// </summary>
public class PatientHistoryShapeTests
{
    // The stored spelling (KetamineCds.Infrastructure.Json.ContractJson): web defaults (camelCase), nulls written, kebab-case enumerations.
    private static readonly JsonSerializerOptions Stored = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    /// <summary>Every field recorded, none at its type's default.</summary>
    private static PatientHistory Full() => new()
    {
        PatientReference = "PIN-1",
        AgeYears = 34,
        SexAtBirth = SexAtBirth.Female,
        Pregnant = false,
        Breastfeeding = false,
        Jurisdiction = Jurisdiction.Eu,
        PrimaryDiagnosis = PrimaryDiagnosis.BipolarII,
        CurrentDepressiveEpisode = true,
        FailedAdequateTrials = 3,
        DistinctMechanisms = 2,
        OnOralAntidepressant = true,
        MoodStabilizer = MoodStabilizer.Lithium,
        MoodStabilizerOptimized = true,
        CurrentManiaOrMixedFeatures = false,
        Psychosis = PsychosisStatus.None,
        Suicidality = Suicidality.ActiveIdeation,
        SafetyPlanInPlace = true,
        LethalMeansCounselled = true,
        FollowUpArranged = true,
        SuicidalIntent = false,
        PreparatoryActsOrAbortedAttempt = false,
        LifeLimitingIllness = true,
        PrognosisWeeks = 26,
        ChronicNeuropathicPain = true,
        OnOpioids = false,
        OpioidInducedHyperalgesia = false,
        OnNaltrexone = false,
        BenzodiazepineDiazepamEquivalentMg = 7.5m,
        OnPsychostimulantOrMaoi = false,
        SubstanceUse = SubstanceUse.InRemission,
        SubstancesUsed = new ValueList<SubstanceUsed>([SubstanceUsed.Alcohol, SubstanceUsed.KetamineOrPcp]),
        OtherCnsDepressants = false,
        OralAntidepressantClass = OralAntidepressantClass.Snri,
        AneurysmalVascularDisease = false,
        ArteriovenousMalformation = false,
        IntracerebralHemorrhageHistory = false,
        HypersensitivityToKetamine = false,
        SeriousCardiovascularOrCerebrovascularCondition = false,
        RecentMyocardialInfarctionOrStroke = false,
        OtherCardiovascularOrCerebrovascularDisease = true,
        HypertensiveEncephalopathyHistory = false,
        RespiratoryDiseaseOrSleepApnea = false,
        CognitiveImpairment = false,
        UrinaryTractSymptoms = false,
        RaisedIntraocularPressure = false,
        SystolicBp = 128,
        DiastolicBp = 82,
        HepaticImpairment = HepaticImpairment.Mild,
        Phq9Total = 19,
        Phq9Item9 = 1,
        SuicideRiskAssessedAfterItem9 = true,
        ClinicianNote = "Pinned \"note\".",
    };

    [Fact]
    public void Json_AFullHistory_IsByteForByteTheHandWrittenRecords()
    {
        const string before = """
            {"patientReference":"PIN-1","ageYears":34,"sexAtBirth":"female","pregnant":false,"breastfeeding":false,"jurisdiction":"eu","primaryDiagnosis":"bipolar-ii","currentDepressiveEpisode":true,"failedAdequateTrials":3,"distinctMechanisms":2,"onOralAntidepressant":true,"moodStabilizer":"lithium","moodStabilizerOptimized":true,"currentManiaOrMixedFeatures":false,"psychosis":"none","suicidality":"active-ideation","safetyPlanInPlace":true,"lethalMeansCounselled":true,"followUpArranged":true,"suicidalIntent":false,"preparatoryActsOrAbortedAttempt":false,"lifeLimitingIllness":true,"prognosisWeeks":26,"chronicNeuropathicPain":true,"onOpioids":false,"opioidInducedHyperalgesia":false,"onNaltrexone":false,"benzodiazepineDiazepamEquivalentMg":7.5,"onPsychostimulantOrMaoi":false,"substanceUse":"in-remission","substancesUsed":["alcohol","ketamine-or-pcp"],"otherCnsDepressants":false,"oralAntidepressantClass":"snri","aneurysmalVascularDisease":false,"arteriovenousMalformation":false,"intracerebralHemorrhageHistory":false,"hypersensitivityToKetamine":false,"seriousCardiovascularOrCerebrovascularCondition":false,"recentMyocardialInfarctionOrStroke":false,"otherCardiovascularOrCerebrovascularDisease":true,"hypertensiveEncephalopathyHistory":false,"respiratoryDiseaseOrSleepApnea":false,"cognitiveImpairment":false,"urinaryTractSymptoms":false,"raisedIntraocularPressure":false,"systolicBp":128,"diastolicBp":82,"hepaticImpairment":"mild","phq9Total":19,"phq9Item9":1,"suicideRiskAssessedAfterItem9":true,"clinicianNote":"Pinned \u0022note\u0022."}
            """;

        Assert.Equal(before, JsonSerializer.Serialize(Full(), Stored));
    }

    [Fact]
    public void Json_AMinimalHistory_WritesEveryFieldNotRecordedAsNullAndTheContractsJurisdiction()
    {
        var minimal = new PatientHistory
        {
            PatientReference = "PIN-2",
            AgeYears = 45,
            PrimaryDiagnosis = PrimaryDiagnosis.Mdd,
            CurrentDepressiveEpisode = true,
            FailedAdequateTrials = 1,
            OnOralAntidepressant = false,
            Psychosis = PsychosisStatus.None,
            Suicidality = Suicidality.None,
        };
        const string before = """
            {"patientReference":"PIN-2","ageYears":45,"sexAtBirth":null,"pregnant":null,"breastfeeding":null,"jurisdiction":"us","primaryDiagnosis":"mdd","currentDepressiveEpisode":true,"failedAdequateTrials":1,"distinctMechanisms":null,"onOralAntidepressant":false,"moodStabilizer":null,"moodStabilizerOptimized":null,"currentManiaOrMixedFeatures":null,"psychosis":"none","suicidality":"none","safetyPlanInPlace":null,"lethalMeansCounselled":null,"followUpArranged":null,"suicidalIntent":null,"preparatoryActsOrAbortedAttempt":null,"lifeLimitingIllness":null,"prognosisWeeks":null,"chronicNeuropathicPain":null,"onOpioids":null,"opioidInducedHyperalgesia":null,"onNaltrexone":null,"benzodiazepineDiazepamEquivalentMg":null,"onPsychostimulantOrMaoi":null,"substanceUse":null,"substancesUsed":null,"otherCnsDepressants":null,"oralAntidepressantClass":null,"aneurysmalVascularDisease":null,"arteriovenousMalformation":null,"intracerebralHemorrhageHistory":null,"hypersensitivityToKetamine":null,"seriousCardiovascularOrCerebrovascularCondition":null,"recentMyocardialInfarctionOrStroke":null,"otherCardiovascularOrCerebrovascularDisease":null,"hypertensiveEncephalopathyHistory":null,"respiratoryDiseaseOrSleepApnea":null,"cognitiveImpairment":null,"urinaryTractSymptoms":null,"raisedIntraocularPressure":null,"systolicBp":null,"diastolicBp":null,"hepaticImpairment":null,"phq9Total":null,"phq9Item9":null,"suicideRiskAssessedAfterItem9":null,"clinicianNote":null}
            """;

        Assert.Equal(before, JsonSerializer.Serialize(minimal, Stored));
    }

    [Fact]
    public void Properties_InDeclarationOrder_AreTheCataloguesFieldsInContractOrder()
    {
        var properties = typeof(PatientHistory).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name != "EqualityContract").Select(p => p.Name);

        Assert.Equal(Fields.All.Select(f => f.Property), properties);
    }

    [Fact]
    public void Properties_Required_AreExactlyTheCataloguesRequiredFields()
    {
        var required = typeof(PatientHistory).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.IsDefined(typeof(RequiredMemberAttribute))).Select(p => p.Name);

        Assert.Equal(Fields.All.Where(f => f.Required).Select(f => f.Property), required);
    }

    [Fact]
    public void From_EveryFieldsContractValue_IsTheHistoryItCameFrom()
    {
        var full = Full();

        Assert.Equal(full, PatientHistory.From(field => Fields.ContractValueOf(full, field.Name)));
    }
}
