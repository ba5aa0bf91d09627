using KetamineCds.Domain.Screening;
using KetamineCds.Web.Screenings;

namespace KetamineCds.Web.Tests.Validation;

public sealed class ScreeningRequestValidatorTests
{
    private readonly ScreeningRequestValidator _validator = new();

    private static ScreeningRequest Valid() => new()
    {
        [Fields.PatientReference] = "MRN-1",
        [Fields.AgeYears] = 40,
        [Fields.PrimaryDiagnosis] = "mdd",
        [Fields.CurrentDepressiveEpisode] = true,
        [Fields.FailedAdequateTrials] = 2,
        [Fields.OnOralAntidepressant] = true,
        [Fields.Psychosis] = "none",
        [Fields.Suicidality] = "none",
    };

    private List<string> ErrorsFor(ScreeningRequest request, string property) =>
        _validator.Validate(request).Errors.Where(e => e.PropertyName == property).Select(e => e.ErrorMessage).ToList();

    [Fact]
    public void Validate_MinimalValidRequest_HasNoErrors() => Assert.True(_validator.Validate(Valid()).IsValid);

    [Theory]
    [InlineData(27, 0, 3)]
    [InlineData(25, 0, 1)]
    [InlineData(26, 1, 2)]
    public void Validate_Phq9Item9BelowWhatTheTotalRequires_IsRefusedOnItem9_NamingTheLeastItCanBe(int total, int item9, int least)
    {
        // QA157 F2: the other eight items score at most 24 together, so a total of 27 with item 9 = 0 cannot be; it was
        // accepted, and with suicidality "none" the answer was "eligible, nothing calls for caution" (SUI-008 never read the 3).
        var request = Valid();
        request[Fields.Phq9Total] = total;
        request[Fields.Phq9Item9] = item9;

        var error = Assert.Single(ErrorsFor(request, "Phq9Item9"));
        Assert.Equal($"PHQ-9 item 9 must be at least {least} with a total of {total}: the other eight items score at most 24 together.", error);
        Assert.Empty(ErrorsFor(request, "Phq9Total"));
    }

    [Theory]
    [InlineData(27, 3)]
    [InlineData(25, 1)]
    [InlineData(24, 0)]
    [InlineData(26, 3)]
    [InlineData(0, 0)]
    public void Validate_Phq9Item9AtLeastWhatTheTotalRequires_IsAccepted(int total, int item9)
    {
        var request = Valid();
        request[Fields.Phq9Total] = total;
        request[Fields.Phq9Item9] = item9;

        Assert.True(_validator.Validate(request).IsValid);
    }

    [Fact]
    public void Validate_Phq9Item9BelowWhatTheTotalRequires_InChinese_IsRefusedInChinese()
    {
        using var chinese = new KetamineCds.Web.Tests.Localization.TranslationCompletenessTests.UiCulture("zh-Hans");
        var request = Valid();
        request[Fields.Phq9Total] = 27;
        request[Fields.Phq9Item9] = 0;

        var error = Assert.Single(ErrorsFor(request, "Phq9Item9"));
        Assert.Contains("至少为 3", error, StringComparison.Ordinal);
        Assert.Contains("27", error, StringComparison.Ordinal);
        Assert.Contains("24", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PrognosisOfWeeksWithTheIllnessNotRecorded_AsksForTheIllnessInsteadOfReadingItAsNo()
    {
        // Read as "no", the missing answer closed the palliative pathway ("not indicated") with a prognosis of 3 weeks recorded (QA).
        var request = Valid();
        request[Fields.PrognosisWeeks] = 3;

        Assert.Equal(["Answer whether there is a life-limiting illness (a prognosis in weeks is recorded)."], ErrorsFor(request, "LifeLimitingIllness"));
        Assert.Empty(ErrorsFor(request, "PrognosisWeeks"));
    }

    [Fact]
    public void Validate_PrognosisOfWeeksWithNoLifeLimitingIllness_IsAContradictionOnThePrognosis()
    {
        var request = Valid();
        request[Fields.LifeLimitingIllness] = false;
        request[Fields.PrognosisWeeks] = 3;

        Assert.Equal(["Leave the prognosis in weeks empty when there is no life-limiting illness."], ErrorsFor(request, "PrognosisWeeks"));
        Assert.Empty(ErrorsFor(request, "LifeLimitingIllness"));
    }

    [Fact]
    public void Validate_PrognosisOfWeeksWithALifeLimitingIllness_IsAccepted()
    {
        var request = Valid();
        request[Fields.LifeLimitingIllness] = true;
        request[Fields.PrognosisWeeks] = 3;

        Assert.True(_validator.Validate(request).IsValid);
    }

    [Theory]
    [InlineData("passive")]
    [InlineData("Active-Ideation")]
    public void Validate_SuicidalityNotOneOfItsChoices_IsItsOwnErrorOnlyNotASafetyNetRequired(string suicidality)
    {
        // QA12 G7: the unknown value read as "some suicidality", and the safety net's three questions were required.
        var request = Valid();
        request[Fields.Suicidality] = suicidality;

        var errors = _validator.Validate(request).Errors;

        Assert.Equal(["Suicidality"], errors.Select(e => e.PropertyName).Distinct());
        Assert.Contains("must be one of", Assert.Single(errors).ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SuicidalityKnownAndNotNone_StillAsksForTheSafetyNet()
    {
        var request = Valid();
        request[Fields.Suicidality] = "passive-ideation";

        Assert.Single(ErrorsFor(request, "SafetyPlanInPlace"));
    }

    [Theory]
    [InlineData("PatientReference")]
    [InlineData("AgeYears")]
    [InlineData("PrimaryDiagnosis")]
    [InlineData("CurrentDepressiveEpisode")]
    [InlineData("FailedAdequateTrials")]
    [InlineData("OnOralAntidepressant")]
    [InlineData("Psychosis")]
    [InlineData("Suicidality")]
    public void Validate_RequiredFieldMissing_ReportsThatField(string property)
    {
        var request = Valid();
        request[Fields.All.Single(f => f.Property == property)] = null;

        Assert.Single(ErrorsFor(request, property));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("MRN_1.2-3")]
    public void Validate_PatientReferenceOfAllowedCharacters_IsAccepted(string reference) =>
        Assert.Empty(ErrorsFor(new ScreeningRequest { [Fields.PatientReference] = reference }, "PatientReference"));

    [Theory]
    [InlineData("Jane Doe")]
    [InlineData("MRN/1")]
    [InlineData("ÄBC")]
    public void Validate_PatientReferenceWithOtherCharacters_IsRejected(string reference)
    {
        var request = Valid();
        request[Fields.PatientReference] = reference;
        Assert.NotEmpty(ErrorsFor(request, "PatientReference"));
    }

    [Fact]
    public void Validate_PatientReferenceOf65Characters_IsRejectedAnd64Accepted()
    {
        var request = Valid();
        request[Fields.PatientReference] = new string('A', 64);
        Assert.Empty(ErrorsFor(request, "PatientReference"));
        request[Fields.PatientReference] = new string('A', 65);
        Assert.NotEmpty(ErrorsFor(request, "PatientReference"));
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(120, true)]
    [InlineData(121, false)]
    public void Validate_AgeAtTheEdges_AcceptsOnly0To120(int age, bool valid)
    {
        var request = Valid();
        request[Fields.AgeYears] = age;
        Assert.Equal(valid, ErrorsFor(request, "AgeYears").Count == 0);
    }

    [Fact]
    public void Validate_MoreMechanismsThanTrials_IsRejectedWithClinicalWording()
    {
        var request = Valid();
        request[Fields.DistinctMechanisms] = 3;
        var errors = ErrorsFor(request, "DistinctMechanisms");
        Assert.Contains(errors, e => e.Contains("failed adequate trials", StringComparison.Ordinal));
        request[Fields.DistinctMechanisms] = 2;
        Assert.Empty(ErrorsFor(request, "DistinctMechanisms"));
    }

    [Theory]
    [InlineData(120, 80, true)]
    [InlineData(80, 80, false)]
    [InlineData(79, 80, false)]
    public void Validate_SystolicMustExceedDiastolic(int systolic, int diastolic, bool valid)
    {
        var request = Valid();
        request[Fields.SystolicBp] = systolic;
        request[Fields.DiastolicBp] = diastolic;
        Assert.Equal(valid, _validator.Validate(request).IsValid);
    }

    [Fact]
    public void Validate_OnlyOneBloodPressureValue_ReportsTheMissingOne()
    {
        var request = Valid();
        request[Fields.SystolicBp] = 130;
        Assert.NotEmpty(ErrorsFor(request, "DiastolicBp"));
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
        request[Fields.SexAtBirth] = sex;
        request[Fields.AgeYears] = age;
        Assert.Equal(required, ErrorsFor(request, "Pregnant").Count > 0);
    }

    [Theory]
    [InlineData("bipolar-i", true)]
    [InlineData("bipolar-ii", true)]
    [InlineData("mdd", false)]
    public void Validate_MoodStabilizerUnrecorded_RequiredOnlyForBipolar(string diagnosis, bool required)
    {
        var request = Valid();
        request[Fields.PrimaryDiagnosis] = diagnosis;
        Assert.Equal(required, ErrorsFor(request, "MoodStabilizer").Count > 0);
    }

    [Theory]
    [InlineData("none", false)]
    [InlineData("lithium", true)]
    [InlineData("other", true)]
    public void Validate_MoodStabilizerOptimizedUnrecorded_RequiredWhenStabilizerIsNotNone(string stabilizer, bool required)
    {
        var request = Valid();
        request[Fields.PrimaryDiagnosis] = "bipolar-i";
        request[Fields.MoodStabilizer] = stabilizer;
        Assert.Equal(required, ErrorsFor(request, "MoodStabilizerOptimized").Count > 0);
    }

    [Theory]
    [InlineData("none", 0)]
    [InlineData("passive-ideation", 3)]
    [InlineData("recent-attempt", 3)]
    public void Validate_SafetyItemsUnrecorded_RequiredWhenSuicidalityIsNotNone(string suicidality, int expectedErrors)
    {
        var request = Valid();
        request[Fields.Suicidality] = suicidality;
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
        request[Fields.LifeLimitingIllness] = lifeLimiting;
        request[Fields.PrognosisWeeks] = weeks;
        Assert.Equal(valid, _validator.Validate(request).IsValid);
    }

    [Fact]
    public void Validate_NoteOf2001Characters_IsRejectedAnd2000Accepted()
    {
        var request = Valid();
        request[Fields.ClinicianNote] = new string('x', 2000);
        Assert.True(_validator.Validate(request).IsValid);
        request[Fields.ClinicianNote] = new string('x', 2001);
        Assert.NotEmpty(ErrorsFor(request, "ClinicianNote"));
    }

    [Fact]
    public void Validate_NoteOf2000EmojiOrCjkExtensionBCharacters_IsAccepted_2001Rejected()
    {
        // QA132 F9: characters are code points, as the OpenAPI document's maxLength counts them, not UTF-16 units (an
        // emoji or a CJK Extension B character is two of those).
        var request = Valid();
        request[Fields.ClinicianNote] = string.Concat(Enumerable.Repeat("\U0001F600", 2000));
        Assert.True(_validator.Validate(request).IsValid);
        request[Fields.ClinicianNote] = string.Concat(Enumerable.Repeat("\U00020000", 2000));
        Assert.True(_validator.Validate(request).IsValid);
        request[Fields.ClinicianNote] = string.Concat(Enumerable.Repeat("\U00020000", 2001));
        Assert.NotEmpty(ErrorsFor(request, "ClinicianNote"));
    }

    [Theory]
    [InlineData("SexAtBirth", "F")]
    [InlineData("Psychosis", "Active")]
    [InlineData("HepaticImpairment", "child-pugh-b")]
    [InlineData("Jurisdiction", "uk")]
    public void Validate_ChoiceOutsideTheContract_IsRejectedListingTheChoices(string property, string value)
    {
        var request = Valid();
        request[Fields.All.Single(f => f.Property == property)] = value;
        var errors = ErrorsFor(request, property);
        Assert.Contains(errors, e => e.Contains("must be one of", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_EveryMessage_NamesTheFieldInWordsNotCode()
    {
        var request = new ScreeningRequest { [Fields.SystolicBp] = 10, [Fields.DiastolicBp] = 5, [Fields.AgeYears] = 500, [Fields.DistinctMechanisms] = 40, [Fields.PatientReference] = "x y" };
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
        request[Fields.Psychosis] = psychosis;

        Assert.Empty(ErrorsFor(request, "Psychosis"));
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
        request[Fields.OralAntidepressantClass] = value;

        Assert.Equal(accepted, ErrorsFor(request, "OralAntidepressantClass").Count == 0);
    }

    [Fact]
    public void Validate_OralAntidepressantClassWithoutAnAntidepressant_IsReported()
    {
        var request = Valid();
        request[Fields.OnOralAntidepressant] = false;
        request[Fields.OralAntidepressantClass] = "ssri";

        Assert.Single(ErrorsFor(request, "OralAntidepressantClass"));
    }

    [Theory]
    [InlineData(new[] { "alcohol" }, true)]
    [InlineData(new[] { "alcohol", "opioids", "stimulants", "cannabis", "ketamine-or-pcp", "sedatives", "other" }, true)]
    [InlineData(new[] { "alcohol", "beer" }, false)]
    [InlineData(new[] { "Alcohol" }, false)]
    public void Validate_SubstancesUsed_AcceptsOnlyTheCatalogueChoices(string[] values, bool accepted)
    {
        var request = Valid();
        request[Fields.SubstanceUse] = "active";
        request[Fields.SubstancesUsed] = values.ToList();

        var errors = ErrorsFor(request, "SubstancesUsed");

        Assert.Equal(accepted, errors.Count == 0);
        if (!accepted)
        {
            Assert.Contains("ketamine-or-pcp", errors[0], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_SubstancesUsed_ARepeatedValue_IsRefusedSayingToListEachOnce()
    {
        // Stored once, it made the response's input differ from the request (QA12 G10).
        var request = Valid();
        request[Fields.SubstanceUse] = "in-remission";
        request[Fields.SubstancesUsed] = new List<string> { "alcohol", "alcohol" };

        Assert.Equal(["Substances involved lists a value more than once: list each value once."], ErrorsFor(request, "SubstancesUsed"));
    }

    [Fact]
    public void Validate_SubstancesUsed_AnEmptyList_IsRefusedSayingToLeaveTheFieldOutWhenNotRecorded()
    {
        // Stored as not recorded, it made the response's input differ from the request (QA12 G10).
        var request = Valid();
        request[Fields.SubstanceUse] = "in-remission";
        request[Fields.SubstancesUsed] = new List<string>();

        Assert.Equal(
            ["Substances involved is an empty list: list at least one value, or leave the field out (or send null) when it is not recorded."],
            ErrorsFor(request, "SubstancesUsed"));
    }

    [Fact]
    public void Validate_SubstancesWithoutASubstanceUseDisorder_IsReported()
    {
        var request = Valid();
        request[Fields.SubstanceUse] = "none";
        request[Fields.SubstancesUsed] = new List<string> { "alcohol" };

        Assert.Single(ErrorsFor(request, "SubstancesUsed"));
    }

    [Fact]
    public void ToHistory_FieldsOfContract11_AreMappedToThePatientHistory()
    {
        var request = Valid();
        request[Fields.Psychosis] = "history-untreated";
        request[Fields.Suicidality] = "active-ideation";
        request[Fields.SuicidalIntent] = true;
        request[Fields.PreparatoryActsOrAbortedAttempt] = false;
        request[Fields.SubstanceUse] = "active";
        request[Fields.SubstancesUsed] = new List<string> { "ketamine-or-pcp", "alcohol" };
        request[Fields.OtherCnsDepressants] = true;
        request[Fields.OralAntidepressantClass] = "snri";
        request[Fields.RecentMyocardialInfarctionOrStroke] = false;
        request[Fields.HypertensiveEncephalopathyHistory] = true;
        request[Fields.RespiratoryDiseaseOrSleepApnea] = true;
        request[Fields.CognitiveImpairment] = false;
        request[Fields.UrinaryTractSymptoms] = true;

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
        request[Fields.SubstanceUse] = "active";
        request[Fields.SubstancesUsed] = new List<string> { };

        Assert.Null(request.ToHistory().SubstancesUsed);
        Assert.Contains("\"substancesUsed\":null", request.ToContractJson(), StringComparison.Ordinal);
    }
}
