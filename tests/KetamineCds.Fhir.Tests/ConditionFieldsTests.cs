namespace KetamineCds.Fhir.Tests;

public class ConditionFieldsTests
{
    [Theory]
    [InlineData(Fhir.Snomed, "371596008", "bipolar-i")]
    [InlineData(Fhir.Snomed, "83225003", "bipolar-ii")]
    [InlineData(Fhir.Icd10Cm, "F31.81", "bipolar-ii")]
    [InlineData(Fhir.Snomed, "47505003", "ptsd")]
    [InlineData(Fhir.Snomed, "191736004", "ocd")]
    public void Read_Diagnosis_RecordsItsContractValue(string system, string code, string expected)
    {
        var reading = Fhir.Read(Fhir.Condition("c1", system, code));

        Assert.Equal(expected, reading.Values["primaryDiagnosis"]);
    }

    [Fact]
    public void Read_BipolarIAndMdd_RecordsBipolarI()
    {
        var reading = Fhir.Read(Fhir.Condition("c1", Fhir.Icd10Cm, "F33.1"), Fhir.Condition("c2", Fhir.Snomed, "371596008"));

        Assert.Equal("bipolar-i", reading.Values["primaryDiagnosis"]);
        Assert.Equal(["Condition/c2"], reading.Sources["primaryDiagnosis"]);
    }

    [Theory]
    [InlineData("F31.4")]
    [InlineData("F31.9")]
    public void Read_BipolarOfUnstatedTypeWithMdd_LeavesDiagnosisNotRecorded(string bipolar)
    {
        var reading = Fhir.Read(Fhir.Condition("c1", Fhir.Icd10Cm, "F33.1"), Fhir.Condition("c2", Fhir.Icd10Cm, bipolar));

        Assert.False(reading.Values.ContainsKey("primaryDiagnosis"));
    }

    [Fact]
    public void Read_MddAndPtsd_LeavesTheChoiceToTheClinician()
    {
        var reading = Fhir.Read(Fhir.Condition("c1", Fhir.Icd10Cm, "F33.1"), Fhir.Condition("c2", Fhir.Snomed, "47505003"));

        Assert.False(reading.Values.ContainsKey("primaryDiagnosis"));
    }

    [Theory]
    [InlineData("F33.2", true)]
    [InlineData("F32.1", true)]
    [InlineData("F33.41", false)]
    [InlineData("F33.9", false)]
    public void Read_DepressiveEpisodeCode_RecordsCurrentEpisodeOnlyWhenTheCodeSaysSo(string code, bool recorded)
    {
        var reading = Fhir.Read(Fhir.Condition("c1", Fhir.Icd10Cm, code));

        Assert.Equal(recorded, reading.Values.ContainsKey("currentDepressiveEpisode"));
        if (recorded)
            Assert.Equal(true, reading.Values["currentDepressiveEpisode"]);
    }

    [Fact]
    public void Read_RefutedCurrentEpisode_NeverRecordsNo()
    {
        var reading = Fhir.Read(Fhir.Condition("c1", Fhir.Icd10Cm, "F33.2", verification: "refuted"));

        Assert.False(reading.Values.ContainsKey("currentDepressiveEpisode"));
    }

    [Theory]
    [InlineData("F33.3")]
    [InlineData("F31.5")]
    public void Read_EpisodeWithPsychoticFeatures_RecordsActivePsychosis(string code)
    {
        var reading = Fhir.Read(Fhir.Condition("c1", Fhir.Icd10Cm, code));

        Assert.Equal("active", reading.Values["psychosis"]);
    }

    [Fact]
    public void Read_EpisodeWithPsychoticFeaturesResolved_LeavesPsychosisNotRecorded()
    {
        var reading = Fhir.Read(Fhir.Condition("c1", Fhir.Icd10Cm, "F33.3", clinical: "resolved"));

        Assert.False(reading.Values.ContainsKey("psychosis"));
    }

    [Theory]
    [InlineData("2026-11-01", true)]
    [InlineData("2026-10-17", true)]
    [InlineData("2026-10-16", false)]
    [InlineData("2026-11", false)]
    public void Read_MyocardialInfarction_IsRecentOnlyWithinSixWeeks(string onset, bool recorded)
    {
        var reading = Fhir.Read(Fhir.Condition("c1", Fhir.Icd10Cm, "I21.4", clinical: "resolved", onset: onset));

        Assert.Equal(recorded, reading.Values.ContainsKey("recentMyocardialInfarctionOrStroke"));
    }

    [Theory]
    [InlineData("2026-10-16T20:00:00-05:00", "Asia/Shanghai", true)] // 17 Oct in Shanghai: day 42 of the window
    [InlineData("2026-10-17T02:00:00+09:00", "America/Chicago", false)] // 16 Oct in Chicago: day 43
    [InlineData("2026-10-17T02:00:00+09:00", "Asia/Tokyo", true)]
    [InlineData("2026-10-16", "Asia/Shanghai", false)] // a date without a time is the day it names
    public void Read_MyocardialInfarctionOnsetWithATime_CountsTheClinicsDayNotTheDayAsWritten(string onset, string zone, bool recorded)
    {
        // The onset's time is converted to the clinic's day, as an observation's is: the six weeks are the clinic's days.
        var now = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero); // 28 Nov in all three zones

        var reading = Fhir.ReadAt(now, zone, Fhir.Condition("c1", Fhir.Icd10Cm, "I21.4", clinical: "resolved", onset: onset));

        Assert.Equal(recorded, reading.Values.ContainsKey("recentMyocardialInfarctionOrStroke"));
    }

    [Fact]
    public void Read_MyocardialInfarctionOnsetLaterToday_IsNotReadAsRecent()
    {
        // An onset in the future (beyond a clock a little fast) is not read, as an observation from the future is not.
        var now = new DateTimeOffset(2026, 11, 28, 17, 0, 0, TimeSpan.Zero);

        var reading = Fhir.ReadAt(now, "UTC", Fhir.Condition("c1", Fhir.Icd10Cm, "I21.4", clinical: "resolved", onset: "2026-11-28T23:00:00Z"));

        Assert.False(reading.Values.ContainsKey("recentMyocardialInfarctionOrStroke"));
    }

    [Fact]
    public void Read_StrokeWithoutOnset_LeavesRecentNotRecorded()
    {
        var reading = Fhir.Read(Fhir.Condition("c1", Fhir.Icd10Cm, "I63.9"));

        Assert.False(reading.Values.ContainsKey("recentMyocardialInfarctionOrStroke"));
    }

    [Fact]
    public void Read_RefutedMyocardialInfarction_LeavesTheFieldNotRecorded()
    {
        var reading = Fhir.Read(Fhir.Condition("c1", Fhir.Snomed, "22298006", clinical: null, verification: "refuted"));

        Assert.False(reading.Values.ContainsKey("recentMyocardialInfarctionOrStroke"));
    }

    [Theory]
    [InlineData("resolved")]
    [InlineData("inactive")]
    [InlineData(null)]
    public void Read_IntracerebralHaemorrhageInAnyStatus_RecordsHistory(string? clinical)
    {
        var reading = Fhir.Read(Fhir.Condition("c1", Fhir.Icd10Cm, "I69.10", clinical: clinical, onset: "2015-03-02"));

        Assert.Equal(true, reading.Values["intracerebralHemorrhageHistory"]);
    }

    [Theory]
    [InlineData(Fhir.Icd10Cm, "I20.0", "seriousCardiovascularOrCerebrovascularCondition")]
    [InlineData(Fhir.Icd10Cm, "I50.21", "seriousCardiovascularOrCerebrovascularCondition")]
    [InlineData(Fhir.Icd10Cm, "F03.90", "cognitiveImpairment")]
    public void Read_CurrentCondition_RecordsYes(string system, string code, string field)
    {
        var reading = Fhir.Read(Fhir.Condition("c1", system, code));

        Assert.Equal(true, reading.Values[field]);
    }

    [Fact]
    public void Read_ChronicHeartFailure_IsLeftToTheClinician()
    {
        var reading = Fhir.Read(Fhir.Condition("c1", Fhir.Icd10Cm, "I50.22"));

        Assert.False(reading.Values.ContainsKey("seriousCardiovascularOrCerebrovascularCondition"));
    }

    [Fact]
    public void Read_ActiveAlcoholAndOpioidUseDisorders_RecordsActiveAndBothSubstances()
    {
        var reading = Fhir.Read(Fhir.Condition("c1", Fhir.Icd10Cm, "F11.20"), Fhir.Condition("c2", Fhir.Icd10Cm, "F10.20", clinical: "remission"));

        Assert.Equal("active", reading.Values["substanceUse"]);
        Assert.Equal(["Condition/c1"], reading.Sources["substanceUse"]);
        Assert.Equal(["alcohol", "opioids"], Assert.IsAssignableFrom<IReadOnlyList<string>>(reading.Values["substancesUsed"]));
    }

    [Fact]
    public void Read_SubstanceUseDisorderInRemission_RecordsInRemission()
    {
        var reading = Fhir.Read(Fhir.Condition("c1", Fhir.Icd10Cm, "F10.20", clinical: "remission"));

        Assert.Equal("in-remission", reading.Values["substanceUse"]);
    }

    [Fact]
    public void Read_HallucinogenUseDisorder_LeavesSubstancesNotRecorded()
    {
        var reading = Fhir.Read(Fhir.Condition("c1", Fhir.Icd10Cm, "F16.20"), Fhir.Condition("c2", Fhir.Icd10Cm, "F10.20"));

        Assert.Equal("active", reading.Values["substanceUse"]);
        Assert.False(reading.Values.ContainsKey("substancesUsed"));
    }

    [Fact]
    public void Read_RefutedSubstanceUseDisorder_NeverRecordsNone()
    {
        var reading = Fhir.Read(Fhir.Condition("c1", Fhir.Icd10Cm, "F10.20", verification: "refuted"));

        Assert.False(reading.Values.ContainsKey("substanceUse"));
    }

    [Theory]
    [InlineData(Fhir.Icd10Cm, "F43.12", "ptsd")]
    [InlineData(Fhir.Icd10Cm, "F42.2", "ocd")]
    public void Read_IcdAnxietyDiagnosis_RecordsItsContractValue(string system, string code, string expected)
    {
        var reading = Fhir.Read(Fhir.Condition("c1", system, code));

        Assert.Equal(expected, reading.Values["primaryDiagnosis"]);
    }

    [Theory]
    [InlineData("F42.3")]
    [InlineData("F42.4")]
    public void Read_HoardingOrExcoriation_IsNotOcd(string code)
    {
        var reading = Fhir.Read(Fhir.Condition("c1", Fhir.Icd10Cm, code));

        Assert.False(reading.Values.ContainsKey("primaryDiagnosis"));
    }

    [Fact]
    public void Read_IntracerebralHaemorrhageLastMonth_IsHistoryAndARecentStroke()
    {
        var reading = Fhir.Read(Fhir.Condition("c1", Fhir.Icd10Cm, "I61.0", onset: "2026-11-10"));

        Assert.Equal(true, reading.Values["intracerebralHemorrhageHistory"]);
        Assert.Equal(true, reading.Values["recentMyocardialInfarctionOrStroke"]);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("resolved", true)]
    public void Read_HypertensiveEncephalopathyInAnyStatus_RecordsHistory(string? clinical, bool expected)
    {
        var reading = Fhir.Read(Fhir.Condition("c1", Fhir.Icd10Cm, "I67.4", clinical: clinical));

        Assert.Equal(expected, reading.Values["hypertensiveEncephalopathyHistory"]);
    }

    [Fact]
    public void Read_RefutedHypertensiveEncephalopathy_LeavesTheFieldNotRecorded()
    {
        var reading = Fhir.Read(Fhir.Condition("c1", Fhir.Icd10Cm, "I67.4", verification: "refuted"));

        Assert.False(reading.Values.ContainsKey("hypertensiveEncephalopathyHistory"));
    }

    [Theory]
    [InlineData("2026-10-01", true)]
    [InlineData("2026-08-30", true)]
    [InlineData("2026-08-29", false)]
    public void Read_SuicideAttempt_IsARecentAttemptOnlyWithinNinetyDays(string onset, bool recorded)
    {
        var reading = Fhir.Read(Fhir.Condition("c1", Fhir.Icd10Cm, "T14.91XA", clinical: "resolved", onset: onset));

        Assert.Equal(recorded, reading.Values.ContainsKey("suicidality"));
        if (recorded)
            Assert.Equal("recent-attempt", reading.Values["suicidality"]);
    }

    [Fact]
    public void Read_RefutedSuicideAttempt_NeverRecordsNone()
    {
        var reading = Fhir.Read(Fhir.Condition("c1", Fhir.Icd10Cm, "T14.91XA", verification: "refuted", onset: "2026-11-01"));

        Assert.False(reading.Values.ContainsKey("suicidality"));
    }

    [Theory]
    [InlineData("F31.81")]
    [InlineData("F3181")]
    [InlineData("f31.81")]
    public void Read_IcdCodeWithOrWithoutItsDot_IsMatched(string code)
    {
        var reading = Fhir.Read(Fhir.Condition("c1", Fhir.Icd10Cm, code));

        Assert.Equal("bipolar-ii", reading.Values["primaryDiagnosis"]);
    }
}
