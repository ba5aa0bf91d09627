namespace KetamineCds.Fhir.Tests;

/// <summary>
/// QA13 H3 and M4: chart entries the reader cannot read as an answer are named for the clinician to check
/// (<see cref="FhirReading.ToCheck"/>), never read as yes or no, never dropped.
/// </summary>
public class ChartChecksTests
{
    /// <summary>A local allergen code: the words decide (RxNorm 6130 is ketamine itself, and is named by its code, QA120 F6).</summary>
    private const string LocalAllergens = "http://clinic.example/fhir/CodeSystem/allergens";

    private static object Allergy(string? text, string? display = "ketamine", string clinical = "active", string verification = "confirmed", string system = LocalAllergens, string code = "6130") => new
    {
        resourceType = "AllergyIntolerance",
        id = "alg1",
        clinicalStatus = new { coding = new[] { new { system = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical", code = clinical } } },
        verificationStatus = new { coding = new[] { new { system = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification", code = verification } } },
        code = text is null
            ? (object)new { coding = new object[] { display is null ? new { system, code } : new { system, code, display } } }
            : new { coding = new object[] { display is null ? new { system, code } : new { system, code, display } }, text },
        patient = new { reference = "Patient/p1" },
    };

    // QA120 F6: an allergy coded RxNorm 6130 (ketamine), 2201623 or 2201625 (esketamine nasal spray), the codes the
    // order-sign hook reads as ketamine, was not named when it carried no words, and an earlier "no" filled the field.
    [Theory]
    [InlineData("6130")]
    [InlineData("2201623")]
    [InlineData("2201625")]
    public void Read_ActiveAllergyCodedRxNormKetamineWithoutWords_IsNamedToCheck_NeverAnswered(string code)
    {
        var reading = Fhir.Read(Fhir.Patient(), Allergy(text: null, display: null, system: Fhir.RxNorm, code: code));

        Assert.False(reading.Values.ContainsKey("hypersensitivityToKetamine"));
        var check = Assert.Single(reading.ToCheck);
        Assert.Equal(("hypersensitivityToKetamine", ChartCheckKind.AllergyCodedKetamine, "AllergyIntolerance/alg1", $"RxNorm {code}"), (check.Field, check.Kind, check.Reference, check.What));
    }

    [Fact]
    public void Read_AllergyCodedRxNormKetamineWithWords_IsNamedOnce_WithItsWordsAndCode()
    {
        var reading = Fhir.Read(Fhir.Patient(), Allergy(text: "Ketamine", display: null, system: Fhir.RxNorm, code: "6130"));

        var check = Assert.Single(reading.ToCheck);
        Assert.Equal((ChartCheckKind.AllergyCodedKetamine, "Ketamine (RxNorm 6130)"), (check.Kind, check.What));
    }

    [Theory]
    [InlineData("inactive", "confirmed")]
    [InlineData("active", "refuted")]
    [InlineData("active", "entered-in-error")]
    public void Read_AllergyCodedRxNormKetamineNotStanding_IsNotNamed(string clinical, string verification)
    {
        var reading = Fhir.Read(Fhir.Patient(), Allergy(text: null, display: null, clinical: clinical, verification: verification, system: Fhir.RxNorm, code: "6130"));

        Assert.Empty(reading.ToCheck);
    }

    [Fact]
    public void Read_AllergyWithAnotherRxNormCodeAndNoWords_IsNotNamed()
    {
        // 7980 is no code the order-sign hook reads as ketamine: neither is it read as one here.
        var reading = Fhir.Read(Fhir.Patient(), Allergy(text: null, display: null, system: Fhir.RxNorm, code: "7980"));

        Assert.Empty(reading.ToCheck);
    }

    [Theory]
    [InlineData("Ketamine")]
    [InlineData("ESKETAMINE nasal spray")]
    [InlineData("Spravato")]
    [InlineData("艾司氯胺酮")]
    [InlineData("氯胺酮")]
    [InlineData("Ketamin")] // QA132 F3: the German, Nordic, Spanish and French names were not seen
    [InlineData("Ketamina")]
    [InlineData("kétamine")]
    public void Read_ActiveAllergyNamingKetamine_IsNamedToCheck_NeverAnswered(string text)
    {
        var reading = Fhir.Read(Fhir.Patient(), Allergy(text, display: null));

        Assert.False(reading.Values.ContainsKey("hypersensitivityToKetamine"));
        var check = Assert.Single(reading.ToCheck);
        Assert.Equal("hypersensitivityToKetamine", check.Field);
        Assert.Equal(ChartCheckKind.AllergyNamingKetamine, check.Kind);
        Assert.Equal("AllergyIntolerance/alg1", check.Reference);
        Assert.Equal(text + " (6130)", check.What);
    }

    [Fact]
    public void Read_AllergyNamingKetamineOnlyInItsDisplay_IsNamedToCheck()
    {
        var reading = Fhir.Read(Fhir.Patient(), Allergy(text: "Anaesthetic agent", display: "ketamine"));

        Assert.Equal("hypersensitivityToKetamine", Assert.Single(reading.ToCheck).Field);
    }

    [Theory]
    [InlineData("inactive", "confirmed")]
    [InlineData("resolved", "confirmed")]
    [InlineData("active", "refuted")]
    [InlineData("active", "entered-in-error")]
    public void Read_AllergyNotStanding_IsNotNamed(string clinical, string verification)
    {
        var reading = Fhir.Read(Fhir.Patient(), Allergy("Ketamine", clinical: clinical, verification: verification));

        Assert.Empty(reading.ToCheck);
        Assert.False(reading.Values.ContainsKey("hypersensitivityToKetamine"));
    }

    [Fact]
    public void Read_OtherAllergy_IsNotNamed()
    {
        var reading = Fhir.Read(Fhir.Patient(), Allergy("Penicillin", display: "penicillin"));

        Assert.Empty(reading.ToCheck);
    }

    [Theory]
    [InlineData("provisional")]
    [InlineData("unconfirmed")]
    [InlineData("differential")]
    public void Read_UnconfirmedAneurysm_IsNamedToCheck_NeverAnswered(string verification)
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Condition("c1", Fhir.Icd10Cm, "I67.1", verification: verification));

        Assert.False(reading.Values.ContainsKey("aneurysmalVascularDisease"));
        var check = Assert.Single(reading.ToCheck);
        Assert.Equal(("aneurysmalVascularDisease", ChartCheckKind.Unconfirmed, "Condition/c1", "I67.1"), (check.Field, check.Kind, check.Reference, check.What));
    }

    [Fact]
    public void Read_UnconfirmedBesideAConfirmedAneurysm_TheYesStandsAlone()
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Condition("c1", Fhir.Icd10Cm, "I67.1", verification: "provisional"), Fhir.Condition("c2", Fhir.Icd10Cm, "I71.4"));

        Assert.Equal(true, reading.Values["aneurysmalVascularDisease"]);
        Assert.Empty(reading.ToCheck);
    }

    [Theory]
    [InlineData("F20.9")]
    [InlineData("F25.0")]
    public void Read_ConfirmedCurrentSchizophrenia_IsNamedBesidePsychosis_NeverAnswered(string code)
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Condition("c1", Fhir.Icd10Cm, code));

        Assert.False(reading.Values.ContainsKey("psychosis"));
        var check = Assert.Single(reading.ToCheck);
        Assert.Equal(("psychosis", ChartCheckKind.PsychoticDisorder, code), (check.Field, check.Kind, check.What));
    }

    [Theory]
    [InlineData("resolved", "confirmed")]
    [InlineData("active", "refuted")]
    public void Read_SchizophreniaNotCurrentOrRefuted_IsNotNamed(string clinical, string verification)
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Condition("c1", Fhir.Icd10Cm, "F20.9", clinical: clinical, verification: verification));

        Assert.Empty(reading.ToCheck);
    }

    [Fact]
    public void Read_ChartWords_ReachTheCheckPlain()
    {
        var reading = Fhir.Read(Fhir.Patient(), Allergy("Ketamine\n# <b>[x](http://e.example)</b>\u202e" + new string('a', 200)));

        var what = Assert.Single(reading.ToCheck).What;
        Assert.DoesNotContain('\n', what);
        Assert.DoesNotContain('<', what);
        Assert.DoesNotContain('[', what);
        Assert.DoesNotContain('#', what);
        Assert.DoesNotContain('\u202e', what);
        Assert.True(what.Length <= 81, what);
    }
}
