using KetamineCds.Web.Screenings;

namespace KetamineCds.Web.Tests.Validation;

public sealed class ScreeningRequestValidatorTests
{
    private readonly ScreeningRequestValidator _validator = new();

    private static ScreeningRequest Valid() => new()
    {
        PatientReference = "MRN-1",
        AgeYears = 40,
        PrimaryDiagnosis = "mdd",
        CurrentDepressiveEpisode = true,
        FailedAdequateTrials = 2,
        OnOralAntidepressant = true,
        Psychosis = "none",
        Suicidality = "none",
    };

    private List<string> ErrorsFor(ScreeningRequest request, string property) =>
        _validator.Validate(request).Errors.Where(e => e.PropertyName == property).Select(e => e.ErrorMessage).ToList();

    [Fact]
    public void Validate_MinimalValidRequest_HasNoErrors() => Assert.True(_validator.Validate(Valid()).IsValid);

    [Theory]
    [InlineData(nameof(ScreeningRequest.PatientReference))]
    [InlineData(nameof(ScreeningRequest.AgeYears))]
    [InlineData(nameof(ScreeningRequest.PrimaryDiagnosis))]
    [InlineData(nameof(ScreeningRequest.CurrentDepressiveEpisode))]
    [InlineData(nameof(ScreeningRequest.FailedAdequateTrials))]
    [InlineData(nameof(ScreeningRequest.OnOralAntidepressant))]
    [InlineData(nameof(ScreeningRequest.Psychosis))]
    [InlineData(nameof(ScreeningRequest.Suicidality))]
    public void Validate_RequiredFieldMissing_ReportsThatField(string property)
    {
        var request = Valid();
        typeof(ScreeningRequest).GetProperty(property)!.SetValue(request, null);

        Assert.Single(ErrorsFor(request, property));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("MRN_1.2-3")]
    public void Validate_PatientReferenceOfAllowedCharacters_IsAccepted(string reference) =>
        Assert.Empty(ErrorsFor(new ScreeningRequest { PatientReference = reference }, nameof(ScreeningRequest.PatientReference)));

    [Theory]
    [InlineData("Jane Doe")]
    [InlineData("MRN/1")]
    [InlineData("ÄBC")]
    public void Validate_PatientReferenceWithOtherCharacters_IsRejected(string reference)
    {
        var request = Valid();
        request.PatientReference = reference;
        Assert.NotEmpty(ErrorsFor(request, nameof(ScreeningRequest.PatientReference)));
    }

    [Fact]
    public void Validate_PatientReferenceOf65Characters_IsRejectedAnd64Accepted()
    {
        var request = Valid();
        request.PatientReference = new string('A', 64);
        Assert.Empty(ErrorsFor(request, nameof(ScreeningRequest.PatientReference)));
        request.PatientReference = new string('A', 65);
        Assert.NotEmpty(ErrorsFor(request, nameof(ScreeningRequest.PatientReference)));
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(120, true)]
    [InlineData(121, false)]
    public void Validate_AgeAtTheEdges_AcceptsOnly0To120(int age, bool valid)
    {
        var request = Valid();
        request.AgeYears = age;
        Assert.Equal(valid, ErrorsFor(request, nameof(ScreeningRequest.AgeYears)).Count == 0);
    }

    [Fact]
    public void Validate_MoreMechanismsThanTrials_IsRejectedWithClinicalWording()
    {
        var request = Valid();
        request.DistinctMechanisms = 3;
        var errors = ErrorsFor(request, nameof(ScreeningRequest.DistinctMechanisms));
        Assert.Contains(errors, e => e.Contains("failed adequate trials", StringComparison.Ordinal));
        request.DistinctMechanisms = 2;
        Assert.Empty(ErrorsFor(request, nameof(ScreeningRequest.DistinctMechanisms)));
    }

    [Theory]
    [InlineData(120, 80, true)]
    [InlineData(80, 80, false)]
    [InlineData(79, 80, false)]
    public void Validate_SystolicMustExceedDiastolic(int systolic, int diastolic, bool valid)
    {
        var request = Valid();
        request.SystolicBp = systolic;
        request.DiastolicBp = diastolic;
        Assert.Equal(valid, _validator.Validate(request).IsValid);
    }

    [Fact]
    public void Validate_OnlyOneBloodPressureValue_ReportsTheMissingOne()
    {
        var request = Valid();
        request.SystolicBp = 130;
        Assert.NotEmpty(ErrorsFor(request, nameof(ScreeningRequest.DiastolicBp)));
    }

    [Theory]
    [InlineData("female", 12, true)]
    [InlineData("female", 55, true)]
    [InlineData("female", 56, false)]
    [InlineData("female", 11, false)]
    [InlineData("male", 30, false)]
    [InlineData(null, 30, false)]
    public void Validate_PregnancyUnrecorded_RequiredOnlyForFemale12To55(string? sex, int age, bool required)
    {
        var request = Valid();
        request.SexAtBirth = sex;
        request.AgeYears = age;
        Assert.Equal(required, ErrorsFor(request, nameof(ScreeningRequest.Pregnant)).Count > 0);
    }

    [Theory]
    [InlineData("bipolar-i", true)]
    [InlineData("bipolar-ii", true)]
    [InlineData("mdd", false)]
    public void Validate_MoodStabilizerUnrecorded_RequiredOnlyForBipolar(string diagnosis, bool required)
    {
        var request = Valid();
        request.PrimaryDiagnosis = diagnosis;
        Assert.Equal(required, ErrorsFor(request, nameof(ScreeningRequest.MoodStabilizer)).Count > 0);
    }

    [Theory]
    [InlineData("none", false)]
    [InlineData("lithium", true)]
    [InlineData("other", true)]
    public void Validate_MoodStabilizerOptimizedUnrecorded_RequiredWhenStabilizerIsNotNone(string stabilizer, bool required)
    {
        var request = Valid();
        request.PrimaryDiagnosis = "bipolar-i";
        request.MoodStabilizer = stabilizer;
        Assert.Equal(required, ErrorsFor(request, nameof(ScreeningRequest.MoodStabilizerOptimized)).Count > 0);
    }

    [Theory]
    [InlineData("none", 0)]
    [InlineData("passive-ideation", 3)]
    [InlineData("recent-attempt", 3)]
    public void Validate_SafetyItemsUnrecorded_RequiredWhenSuicidalityIsNotNone(string suicidality, int expectedErrors)
    {
        var request = Valid();
        request.Suicidality = suicidality;
        var errors = _validator.Validate(request).Errors.Select(e => e.PropertyName).ToList();
        Assert.Equal(expectedErrors, errors.Count(p => p is "SafetyPlanInPlace" or "LethalMeansCounselled" or "FollowUpArranged"));
    }

    [Theory]
    [InlineData(true, null, false)]
    [InlineData(true, 8, true)]
    [InlineData(false, null, true)]
    [InlineData(null, null, true)]
    public void Validate_PrognosisRequiredForLifeLimitingIllness(bool? lifeLimiting, int? weeks, bool valid)
    {
        var request = Valid();
        request.LifeLimitingIllness = lifeLimiting;
        request.PrognosisWeeks = weeks;
        Assert.Equal(valid, _validator.Validate(request).IsValid);
    }

    [Fact]
    public void Validate_NoteOf2001Characters_IsRejectedAnd2000Accepted()
    {
        var request = Valid();
        request.ClinicianNote = new string('x', 2000);
        Assert.True(_validator.Validate(request).IsValid);
        request.ClinicianNote = new string('x', 2001);
        Assert.NotEmpty(ErrorsFor(request, nameof(ScreeningRequest.ClinicianNote)));
    }

    [Theory]
    [InlineData(nameof(ScreeningRequest.SexAtBirth), "F")]
    [InlineData(nameof(ScreeningRequest.Psychosis), "Active")]
    [InlineData(nameof(ScreeningRequest.HepaticImpairment), "child-pugh-b")]
    [InlineData(nameof(ScreeningRequest.Jurisdiction), "uk")]
    public void Validate_ChoiceOutsideTheContract_IsRejectedListingTheChoices(string property, string value)
    {
        var request = Valid();
        typeof(ScreeningRequest).GetProperty(property)!.SetValue(request, value);
        var errors = ErrorsFor(request, property);
        Assert.Contains(errors, e => e.Contains("must be one of", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_EveryMessage_NamesTheFieldInWordsNotCode()
    {
        var request = new ScreeningRequest { SystolicBp = 10, DiastolicBp = 5, AgeYears = 500, DistinctMechanisms = 40, PatientReference = "x y" };
        var messages = _validator.Validate(request).Errors.Select(e => e.ErrorMessage).ToList();
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.DoesNotMatch("[a-z][A-Z]", m.Replace("mmHg", "", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("history-untreated")]
    [InlineData("history-controlled")]
    public void Validate_PsychosisOfContract11_IsAccepted(string psychosis)
    {
        var request = Valid();
        request.Psychosis = psychosis;

        Assert.Empty(ErrorsFor(request, nameof(ScreeningRequest.Psychosis)));
    }

    [Theory]
    [InlineData("ssri", true)]
    [InlineData("snri", true)]
    [InlineData("other", true)]
    [InlineData("tca", false)]
    [InlineData("SSRI", false)]
    public void Validate_OralAntidepressantClass_AcceptsOnlyTheCatalogueChoices(string value, bool accepted)
    {
        var request = Valid();
        request.OralAntidepressantClass = value;

        Assert.Equal(accepted, ErrorsFor(request, nameof(ScreeningRequest.OralAntidepressantClass)).Count == 0);
    }

    [Fact]
    public void Validate_OralAntidepressantClassWithoutAnAntidepressant_IsReported()
    {
        var request = Valid();
        request.OnOralAntidepressant = false;
        request.OralAntidepressantClass = "ssri";

        Assert.Single(ErrorsFor(request, nameof(ScreeningRequest.OralAntidepressantClass)));
    }

    [Theory]
    [InlineData(new[] { "alcohol" }, true)]
    [InlineData(new[] { "alcohol", "opioids", "stimulants", "cannabis", "ketamine-or-pcp", "sedatives", "other" }, true)]
    [InlineData(new[] { "alcohol", "beer" }, false)]
    [InlineData(new[] { "Alcohol" }, false)]
    public void Validate_SubstancesUsed_AcceptsOnlyTheCatalogueChoices(string[] values, bool accepted)
    {
        var request = Valid();
        request.SubstanceUse = "active";
        request.SubstancesUsed = [.. values];

        var errors = ErrorsFor(request, nameof(ScreeningRequest.SubstancesUsed));

        Assert.Equal(accepted, errors.Count == 0);
        if (!accepted)
        {
            Assert.Contains("ketamine-or-pcp", errors[0], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_SubstancesWithoutASubstanceUseDisorder_IsReported()
    {
        var request = Valid();
        request.SubstanceUse = "none";
        request.SubstancesUsed = ["alcohol"];

        Assert.Single(ErrorsFor(request, nameof(ScreeningRequest.SubstancesUsed)));
    }

    [Fact]
    public void ToHistory_FieldsOfContract11_AreMappedToThePatientHistory()
    {
        var request = Valid();
        request.Psychosis = "history-untreated";
        request.Suicidality = "active-ideation";
        request.SuicidalIntent = true;
        request.PreparatoryActsOrAbortedAttempt = false;
        request.SubstanceUse = "active";
        request.SubstancesUsed = ["ketamine-or-pcp", "alcohol"];
        request.OtherCnsDepressants = true;
        request.OralAntidepressantClass = "snri";
        request.RecentMyocardialInfarctionOrStroke = false;
        request.HypertensiveEncephalopathyHistory = true;
        request.RespiratoryDiseaseOrSleepApnea = true;
        request.CognitiveImpairment = false;
        request.UrinaryTractSymptoms = true;

        var history = request.ToHistory();

        Assert.Equal(KetamineCds.Domain.Screening.PsychosisStatus.HistoryUntreated, history.Psychosis);
        Assert.True(history.SuicidalIntent);
        Assert.False(history.PreparatoryActsOrAbortedAttempt);
        Assert.Equal(
            new KetamineCds.Domain.Screening.ValueList<KetamineCds.Domain.Screening.SubstanceUsed>(
                [KetamineCds.Domain.Screening.SubstanceUsed.KetamineOrPcp, KetamineCds.Domain.Screening.SubstanceUsed.Alcohol]),
            history.SubstancesUsed);
        Assert.True(history.OtherCnsDepressants);
        Assert.Equal(KetamineCds.Domain.Screening.OralAntidepressantClass.Snri, history.OralAntidepressantClass);
        Assert.False(history.RecentMyocardialInfarctionOrStroke);
        Assert.True(history.HypertensiveEncephalopathyHistory);
        Assert.True(history.RespiratoryDiseaseOrSleepApnea);
        Assert.False(history.CognitiveImpairment);
        Assert.True(history.UrinaryTractSymptoms);
    }

    [Fact]
    public void ToHistory_NoSubstancesTicked_IsNotRecorded()
    {
        var request = Valid();
        request.SubstanceUse = "active";
        request.SubstancesUsed = [];

        Assert.Null(request.ToHistory().SubstancesUsed);
        Assert.Contains("\"substancesUsed\":null", request.ToContractJson(), StringComparison.Ordinal);
    }
}
