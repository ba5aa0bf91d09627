namespace KetamineCds.Fhir.Tests;

/// <summary>
/// QA132 F2: a confirmed, current Condition whose code names a safety question, but that the reader does not read as that
/// question's answer (a bipolar disorder of unstated type, a delusional disorder, a cerebral arteriovenous malformation,
/// a pregnancy, a cirrhosis), was dropped unnamed: an earlier screening's "no" filled the field and the card said
/// eligible. Each code of the <c>conditions-naming-questions</c> value set is named beside its question
/// (<see cref="ChartCheckKind.ConditionNamesQuestion"/>), never read as an answer.
/// </summary>
public class NamedConditionsTests
{
    public static TheoryData<string, string, string> Named => new()
    {
        { "primaryDiagnosis", Fhir.Icd10Cm, "F31.4" },
        { "primaryDiagnosis", Fhir.Icd10Cm, "F31.9" },
        { "primaryDiagnosis", Fhir.Icd10Cm, "F31.0" },
        { "psychosis", Fhir.Icd10Cm, "F22" },
        { "psychosis", Fhir.Icd10Cm, "F23" },
        { "psychosis", Fhir.Icd10Cm, "F24" },
        { "psychosis", Fhir.Icd10Cm, "F28" },
        { "psychosis", Fhir.Icd10Cm, "F29" },
        { "arteriovenousMalformation", Fhir.Icd10Cm, "Q28.0" },
        { "arteriovenousMalformation", Fhir.Icd10Cm, "Q28.2" },
        { "arteriovenousMalformation", Fhir.Icd10Cm, "Q282" },
        { "pregnant", Fhir.Icd10Cm, "Z33.1" },
        { "pregnant", Fhir.Icd10Cm, "Z33.3" },
        { "pregnant", Fhir.Icd10Cm, "Z34.00" },
        { "pregnant", Fhir.Icd10Cm, "Z34.93" },
        { "pregnant", Fhir.Icd10Cm, "O09.90" },
        { "pregnant", Fhir.Icd10Cm, "O09.523" },
        { "pregnant", Fhir.Snomed, "77386006" },
        { "hepaticImpairment", Fhir.Icd10Cm, "K70.30" },
        { "hepaticImpairment", Fhir.Icd10Cm, "K70.31" },
        { "hepaticImpairment", Fhir.Icd10Cm, "K70.40" },
        { "hepaticImpairment", Fhir.Icd10Cm, "K70.41" },
        { "hepaticImpairment", Fhir.Icd10Cm, "K72.00" },
        { "hepaticImpairment", Fhir.Icd10Cm, "K72.01" },
        { "hepaticImpairment", Fhir.Icd10Cm, "K72.10" },
        { "hepaticImpairment", Fhir.Icd10Cm, "K72.11" },
        { "hepaticImpairment", Fhir.Icd10Cm, "K72.90" },
        { "hepaticImpairment", Fhir.Icd10Cm, "K72.91" },
        { "hepaticImpairment", Fhir.Icd10Cm, "K74.60" },
        { "hepaticImpairment", Fhir.Icd10Cm, "K74.69" },
        // QA281 F2: suicidal ideation was named nowhere (the card listed Suicidality as not recorded beside a chart holding it).
        { "suicidality", Fhir.Icd10Cm, "R45.851" },
        { "suicidality", Fhir.Icd10Cm, "R45851" },
    };

    [Theory]
    [MemberData(nameof(Named))]
    public void Read_ConfirmedCurrentConditionNamingAQuestion_IsNamedBesideIt_NeverAnswered(string field, string system, string code)
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Condition("c9", system, code));

        Assert.False(reading.Values.ContainsKey(field));
        var check = Assert.Single(reading.ToCheck, c => c.Field == field);
        Assert.Equal((ChartCheckKind.ConditionNamesQuestion, "Condition/c9", code), (check.Kind, check.Reference, check.What));
    }

    // With no clinical status it may be current: named too (a bipolar code of unstated type is already named by the
    // diagnosis's own value set, as StatusUnknown; the entry is named once).
    [Theory]
    [MemberData(nameof(Named))]
    public void Read_ConditionNamingAQuestion_WithNoClinicalStatus_IsNamedToo(string field, string system, string code)
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Condition("c9", system, code, clinical: null));

        Assert.False(reading.Values.ContainsKey(field));
        var check = Assert.Single(reading.ToCheck, c => c.Field == field);
        Assert.Equal("Condition/c9", check.Reference);
        Assert.Equal(field == "primaryDiagnosis" ? ChartCheckKind.StatusUnknown : ChartCheckKind.ConditionNamesQuestion, check.Kind);
    }

    [Theory]
    [InlineData("resolved", "confirmed")]
    [InlineData("inactive", "confirmed")]
    [InlineData("remission", "confirmed")]
    [InlineData("active", "refuted")]
    [InlineData("active", "entered-in-error")]
    public void Read_ConditionNamingAQuestion_NotCurrentOrRuledOut_IsNotNamed(string clinical, string verification)
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Condition("c9", Fhir.Icd10Cm, "Q28.2", clinical: clinical, verification: verification));

        Assert.DoesNotContain(reading.ToCheck, c => c.Field == "arteriovenousMalformation");
    }

    // QA132 F2's chart: F33.2 (MDD, read) and F31.4 (bipolar, current episode depressed, of unstated type). The diagnosis
    // stays not recorded (as before) and is now named, so an earlier screening's "mdd" cannot fill it.
    [Fact]
    public void Read_BipolarOfUnstatedTypeBesideMdd_DiagnosisNotRecorded_AndNamed()
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Condition("c1", Fhir.Icd10Cm, "F33.2"), Fhir.Condition("c9", Fhir.Icd10Cm, "F31.4"));

        Assert.False(reading.Values.ContainsKey("primaryDiagnosis"));
        var check = Assert.Single(reading.ToCheck, c => c.Field == "primaryDiagnosis");
        Assert.Equal((ChartCheckKind.ConditionNamesQuestion, "Condition/c9"), (check.Kind, check.Reference));
    }

    // QA281 F2: suicidal ideation (R45.851) beside a confirmed suicide attempt within 90 days: the attempt is read, the
    // contract's most serious level, and stands on its own evidence; the ideation code could not make it more cautious.
    [Fact]
    public void Read_SuicidalIdeationBesideARecentAttempt_TheAttemptStands()
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            Fhir.Condition("c1", Fhir.Icd10Cm, "T14.91XA", onset: "2026-11-01"),
            Fhir.Condition("c9", Fhir.Icd10Cm, "R45.851"));

        Assert.Equal("recent-attempt", reading.Values["suicidality"]);
        Assert.DoesNotContain(reading.ToCheck, c => c.Field == "suicidality");
    }

    // F31.81 (bipolar II) is read as an answer; beside it nothing is named: the diagnosis stands on its own evidence.
    [Fact]
    public void Read_BipolarIiCode_IsReadNotNamed()
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Condition("c1", Fhir.Icd10Cm, "F31.81"));

        Assert.Equal("bipolar-ii", reading.Values["primaryDiagnosis"]);
        Assert.DoesNotContain(reading.ToCheck, c => c.Field == "primaryDiagnosis");
    }

    // A pregnancy Condition beside a recent "not pregnant" status: the chart disagrees with itself, and missing the more
    // cautious answer is the unsafe error, so "no" is not recorded and the Condition is named.
    [Fact]
    public void Read_PregnancyConditionBesideARecentNotPregnantStatus_NoIsNotRecorded_AndNamed()
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            Fhir.Observation("o1", "82810-3", (Fhir.Loinc, "LA26683-5"), effective: "2026-11-27"),
            Fhir.Condition("c9", Fhir.Icd10Cm, "Z33.1"));

        Assert.False(reading.Values.ContainsKey("pregnant"));
        Assert.False(reading.Sources.ContainsKey("pregnant"));
        Assert.Contains(reading.ToCheck, c => (c.Field, c.Kind, c.Reference) == ("pregnant", ChartCheckKind.ConditionNamesQuestion, "Condition/c9"));
    }

    [Fact]
    public void Read_PregnancyConditionBesideARecentPregnantStatus_TheYesStands()
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            Fhir.Observation("o1", "82810-3", (Fhir.Loinc, "LA15173-0"), effective: "2026-11-27"),
            Fhir.Condition("c9", Fhir.Icd10Cm, "Z33.1"));

        Assert.Equal(true, reading.Values["pregnant"]);
        Assert.DoesNotContain(reading.ToCheck, c => c.Field == "pregnant");
    }

    // A delusional disorder beside a current psychotic mood episode: "active" is the more cautious answer and stands.
    [Fact]
    public void Read_DelusionalDisorderBesideActivePsychosis_ActiveStands()
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Condition("c1", Fhir.Icd10Cm, "F33.3"), Fhir.Condition("c9", Fhir.Icd10Cm, "F22"));

        Assert.Equal("active", reading.Values["psychosis"]);
        Assert.DoesNotContain(reading.ToCheck, c => c.Field == "psychosis");
    }

    // Codes near the named ones that do not name the question are not named: schizotypal disorder (F21) is not a
    // psychotic disorder, Q28.3 (other malformations of cerebral vessels) is not an arteriovenous malformation, a
    // toxic liver disease (K71.9) does not name hepatic failure or cirrhosis, a puerperal code is not a pregnancy now.
    [Theory]
    [InlineData("F21")]
    [InlineData("Q28.3")]
    [InlineData("K71.9")]
    [InlineData("Z39.2")]
    public void Read_NearbyCodesNotInTheList_AreNotNamed(string code)
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Condition("c9", Fhir.Icd10Cm, code));

        Assert.DoesNotContain(reading.ToCheck, c => c.Field is "psychosis" or "arteriovenousMalformation" or "hepaticImpairment" or "pregnant");
    }

    // QA132 F2: a final "pregnant" status 8 or 30 days old (the field reads 7) was dropped unnamed, and an earlier
    // screening's "not pregnant" filled the field. It is not read (too old) and not "no": it is named with its day.
    [Theory]
    [InlineData("2026-11-20")]
    [InlineData("2026-10-29T10:00:00Z")]
    public void Read_OlderPregnantStatus_WithNoneWithinTheWeek_IsNamedWithItsDay(string effective)
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Observation("o1", "82810-3", (Fhir.Loinc, "LA15173-0"), effective: effective));

        Assert.False(reading.Values.ContainsKey("pregnant"));
        var check = Assert.Single(reading.ToCheck);
        Assert.Equal(("pregnant", ChartCheckKind.ResultOlderThanPeriod, "Observation/o1"), (check.Field, check.Kind, check.Reference));
        Assert.EndsWith(", " + effective[..10], check.What, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OlderPregnantStatus_FollowedByAnOlderNotPregnant_IsNotNamed()
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            Fhir.Observation("o1", "82810-3", (Fhir.Snomed, "77386006"), effective: "2026-10-01"),
            Fhir.Observation("o2", "82810-3", (Fhir.Loinc, "LA26683-5"), effective: "2026-11-10"));

        Assert.False(reading.Values.ContainsKey("pregnant"));
        Assert.Empty(reading.ToCheck);
    }

    [Fact]
    public void Read_OlderPregnantStatus_BesideARecentNotPregnant_TheRecentAnswerStands()
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            Fhir.Observation("o1", "82810-3", (Fhir.Loinc, "LA15173-0"), effective: "2026-11-10"),
            Fhir.Observation("o2", "82810-3", (Fhir.Loinc, "LA26683-5"), effective: "2026-11-26"));

        Assert.Equal(false, reading.Values["pregnant"]);
        Assert.Empty(reading.ToCheck);
    }
}
