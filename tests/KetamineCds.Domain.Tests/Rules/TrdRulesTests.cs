using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

public class TrdRulesTests : RuleTestBase
{
    // 1.27.0 (QA293; docs/clinical-review.md, section 39): "adequate duration" is the FDA's wording; the 4 weeks are EU-PEARL's
    // and the ATHF's (label-and-literature.md sections 1.1 and 5.1, D2).
    [Fact, Fires("TRD-001")]
    public void Evaluate_TwoFailedTrials_Trd001AttributesTheFourWeeksToTheEuConsensusAndTheAthf()
    {
        var f = AssertFires("TRD-001", Adult() with { FailedAdequateTrials = 2 });
        Assert.StartsWith("The FDA's definition at the US approval is no response to at least two antidepressant trials of adequate dose and adequate duration in the current episode; the EU consensus (EU-PEARL) and the Antidepressant Treatment History Form (ATHF) take an adequate trial to last at least 4 weeks.", f.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("The US label and the EU consensus", f.Detail, StringComparison.Ordinal);
        Assert.Equal([Citations.SpravatoPiUs, Citations.EuPearlTrd2022], f.Sources);
    }

    [Fact, Fires("TRD-001")]
    public void Evaluate_TwoFailedTrialsInEpisode_FiresTrd001()
    {
        var f = AssertFires("TRD-001", Adult() with { FailedAdequateTrials = 2 });
        AssertBecause(f, "failedAdequateTrials", "2");
    }

    // 1.23.0 (psychiatrist QA of 1.22.0, F2; docs/clinical-review.md, section 35): on a 16-year-old's "Not eligible" page
    // 1.22.0's TRD-001 said that TRD "opens" both TRD pathways. It now says they are applicable, subject to the
    // contraindications and requirements: the age contraindication (AGE-001) keeps them closed.
    [Fact, Fires("TRD-001")]
    public void Evaluate_TrdAt16_Trd001SaysThePathwaysAreApplicableSubjectToContraindicationsNotThatTheyOpen()
    {
        var h = Trd().WithSafetyItemsRecordedAbsent() with { AgeYears = 16 };
        var f = AssertFires("TRD-001", h);
        var a = ScreeningEngine.Evaluate(h);
        Assert.Equal(Verdict.NotEligibleNow, a.Overall);
        Assert.Contains(a.Findings, x => x.RuleId == "AGE-001");
        Assert.Equal(PathwayStatus.NotEligible, a.For(Pathway.EsketamineTrd).Status);
        Assert.Equal(PathwayStatus.NotEligible, a.For(Pathway.KetamineOffLabelTrd).Status);
        Assert.Contains(
            "This makes the esketamine TRD pathway and the off-label ketamine TRD pathway applicable, subject to the contraindications and requirements.",
            f.Detail,
            StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\bopens?\b|\bapplies\b", f.Summary + " " + f.Detail);
        Assert.Contains("This opens the esketamine TRD pathway", ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_22_0).Findings.Single(x => x.RuleId == "TRD-001").Detail, StringComparison.Ordinal);
    }

    [Fact, Edge("TRD-001")]
    public void Evaluate_OneFailedTrial_DoesNotFireTrd001() => AssertDoesNotFire("TRD-001", Adult() with { FailedAdequateTrials = 1 });

    [Fact, Edge("TRD-001")]
    public void Evaluate_TwoFailedTrialsButNoCurrentEpisode_DoesNotFireTrd001() =>
        AssertDoesNotFire("TRD-001", Adult() with { FailedAdequateTrials = 2, CurrentDepressiveEpisode = false });

    [Fact, Fires("TRD-002")]
    public void Evaluate_TrdWithOneMechanism_FiresTrd002() => AssertFires("TRD-002", Trd() with { DistinctMechanisms = 1 });

    [Fact, Fires("TRD-002")]
    public void Evaluate_TrdWithMechanismsNotRecorded_FiresTrd002()
    {
        var f = AssertFires("TRD-002", Trd() with { DistinctMechanisms = null });
        AssertBecause(f, "distinctMechanisms", WireNames.NotRecorded);
    }

    [Fact, Edge("TRD-002")]
    public void Evaluate_TrdWithTwoMechanisms_DoesNotFireTrd002() => AssertDoesNotFire("TRD-002", Trd() with { DistinctMechanisms = 2 });

    [Fact, Fires("TRD-003")]
    public void Evaluate_OneFailedTrial_FiresTrd003() => AssertFires("TRD-003", Adult() with { FailedAdequateTrials = 1 });

    [Fact, Edge("TRD-003")]
    public void Evaluate_TwoFailedTrials_DoesNotFireTrd003() => AssertDoesNotFire("TRD-003", Adult() with { FailedAdequateTrials = 2 });

    // 1.21.0 (docs/clinical-review.md, section 33): TRD-003's "Standard next-step antidepressant treatment comes first" read
    // beside PAL-001 ("a conventional antidepressant may act too late") and beside SUI-001 (the esketamine pathway for acute
    // suicidal ideation applies) as the opposite instruction. Where either indication holds it does not fire; the TRD
    // pathways still read "not applicable".
    [Theory, Edge("TRD-003")]
    [InlineData(0)]
    [InlineData(1)]
    public void Evaluate_PrognosisOfWeeksWithFewFailedTrials_FiresPal001AndNotTrd003(int failedTrials)
    {
        var h = Palliative(6) with { FailedAdequateTrials = failedTrials };
        Assert.Contains(ScreeningEngine.Evaluate(h).Findings, f => f.RuleId == "PAL-001");
        AssertDoesNotFire("TRD-003", h);
        var result = ScreeningEngine.Evaluate(h);
        Assert.Equal(PathwayStatus.NotApplicable, result.For(Pathway.EsketamineTrd).Status);
        Assert.Equal(PathwayStatus.NotApplicable, result.For(Pathway.KetamineOffLabelTrd).Status);
        Assert.DoesNotContain(result.Findings, f => f.Detail.Contains("comes first", StringComparison.Ordinal) && f.Detail.Contains("Standard next-step", StringComparison.Ordinal));
        // 1.20.0 said both on one page.
        var was = ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_20_0);
        Assert.Contains(was.Findings, f => f.RuleId == "TRD-003");
        Assert.Contains("Standard next-step antidepressant treatment comes first", was.Findings.Single(f => f.RuleId == "TRD-003").Detail, StringComparison.Ordinal);
    }

    [Theory, Edge("TRD-003")]
    [InlineData(Suicidality.ActiveIdeation)]
    [InlineData(Suicidality.RecentAttempt)]
    public void Evaluate_AcuteSuicidalIdeationWithFewFailedTrials_FiresSui001AndNotTrd003(Suicidality suicidality)
    {
        var h = Suicidal(suicidality) with { FailedAdequateTrials = 0 };
        Assert.Contains(ScreeningEngine.Evaluate(h).Findings, f => f.RuleId == "SUI-001");
        AssertDoesNotFire("TRD-003", h);
        Assert.Contains(ScreeningEngine.Evaluate(h, RuleSetCatalog.V1_20_0).Findings, f => f.RuleId == "TRD-003");
    }

    [Fact, Fires("TRD-003")]
    public void Evaluate_FewFailedTrialsWithTheRapidPathwaysWaitingOrAbsent_FiresTrd003ScopedToTheTrdPathways()
    {
        // A blank answer is not a holding indication: with the illness not recorded (PAL-003) or passive ideation with recent
        // behaviour not recorded (SUI-016) TRD-003 still fires, and so with a prognosis above 8 weeks; its detail says that
        // "comes first" is for the TRD pathways and that the two rapid-acting pathways do not depend on failed trials.
        foreach (var h in new[] { PalliativePathwayNotRuledOut(), SuicidalPathwayNotRuledOut(), Palliative(9) with { FailedAdequateTrials = 0 }, Suicidal(Suicidality.PassiveIdeation) with { PreparatoryActsOrAbortedAttempt = false } })
        {
            var f = AssertFires("TRD-003", h);
            Assert.Contains("This concerns the TRD pathways only: for them, standard next-step antidepressant treatment comes first", f.Detail, StringComparison.Ordinal);
            Assert.Contains("(SUI-001) and for a prognosis of weeks (PAL-001) do not depend on failed trials.", f.Detail, StringComparison.Ordinal);
            // The summary is 1.20.0's but for its last words, "not applicable" from 1.25.0 (section 37).
            Assert.Equal(RuleSetCatalog.V1_20_0["TRD-003"].Summary.Replace("are closed.", "are not applicable.", StringComparison.Ordinal), f.Summary);
        }
    }

    // 1.24.0 (docs/clinical-review.md, section 36): 1.23.0's TRD-003 said the TRD pathways "open once two adequate trials
    // have failed"; two failed trials make them applicable (TRD-001), and whether they are open is still their status.
    [Fact, Fires("TRD-003")]
    public void Evaluate_OneFailedTrial_Trd003SaysTheTrdPathwaysBecomeApplicableNotThatTheyOpen()
    {
        var f = AssertFires("TRD-003", Adult() with { FailedAdequateTrials = 1 });
        Assert.Contains(
            "standard next-step antidepressant treatment comes first, and they become applicable once two adequate trials have failed, subject to the contraindications and requirements.",
            f.Detail,
            StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\bopens?\b", f.Summary + " " + f.Detail);
        Assert.Contains("they open once", RuleSetCatalog.V1_23_0["TRD-003"].Detail, StringComparison.Ordinal);
    }

    // 1.25.0 (section 37): the summary said "the TRD pathways are closed", a status word beside their status "Not applicable".
    [Fact, Fires("TRD-003")]
    public void Evaluate_OneFailedTrial_Trd003SummarySaysTheTrdPathwaysAreNotApplicable()
    {
        var h = Adult() with { FailedAdequateTrials = 1 };
        var f = AssertFires("TRD-003", h);
        Assert.Equal("Does not meet the definition of treatment-resistant depression yet: the TRD pathways are not applicable.", f.Summary);
        var a = ScreeningEngine.Evaluate(h, RuleSet);
        Assert.Equal(PathwayStatus.NotApplicable, a.For(Pathway.EsketamineTrd).Status);
        Assert.Equal(PathwayStatus.NotApplicable, a.For(Pathway.KetamineOffLabelTrd).Status);
        Assert.EndsWith("the TRD pathways are closed.", RuleSetCatalog.V1_24_0["TRD-003"].Summary, StringComparison.Ordinal);
    }

    [Fact, Fires("TRD-004")]
    public void Evaluate_UsTrdWithoutOralAntidepressant_FiresTrd004() => AssertFires("TRD-004", Trd() with { OnOralAntidepressant = false });

    [Fact, Edge("TRD-004")]
    public void Evaluate_UsTrdOnOralAntidepressant_DoesNotFireTrd004() => AssertDoesNotFire("TRD-004", Trd() with { OnOralAntidepressant = true });

    [Fact, Edge("TRD-004")]
    public void Evaluate_EuTrdWithoutOralAntidepressant_DoesNotFireTrd004() =>
        AssertDoesNotFire("TRD-004", Trd() with { OnOralAntidepressant = false, Jurisdiction = Jurisdiction.Eu });

    [Fact, Fires("TRD-005")]
    public void Evaluate_FailedTrialsWithoutACurrentEpisode_FiresTrd005()
    {
        // QA148 F9: with the PHQ-9 not recorded (so SCR-002 is silent), nothing named the disagreement.
        var f = AssertFires("TRD-005", Adult() with { CurrentDepressiveEpisode = false, FailedAdequateTrials = 3, Phq9Total = null });
        Assert.Equal((FindingKind.Information, Severity.Low), (f.Kind, f.Severity));
        AssertBecause(f, "currentDepressiveEpisode", "false");
        AssertBecause(f, "failedAdequateTrials", "3");
    }

    [Fact, Edge("TRD-005")]
    public void Evaluate_NoFailedTrialWithoutAnEpisode_OrTrialsInAnEpisode_DoesNotFireTrd005()
    {
        AssertDoesNotFire("TRD-005", Adult() with { CurrentDepressiveEpisode = false, FailedAdequateTrials = 0 });
        AssertDoesNotFire("TRD-005", Adult() with { CurrentDepressiveEpisode = true, FailedAdequateTrials = 3 });
    }

    [Fact, Fires("TRD-006"), Fires("TRD-002")]
    public void Evaluate_FailedTrialsWithZeroMechanisms_FiresTrd006AndTrd002StillFires()
    {
        var h = Trd() with { FailedAdequateTrials = 2, DistinctMechanisms = 0 };
        var f = AssertFires("TRD-006", h);
        Assert.Equal((FindingKind.Information, Severity.Low), (f.Kind, f.Severity));
        AssertBecause(f, "distinctMechanisms", "0");
        AssertFires("TRD-002", h);
    }

    [Fact, Edge("TRD-006")]
    public void Evaluate_OneMechanismOrNoneRecordedOrNoFailedTrial_DoesNotFireTrd006()
    {
        AssertDoesNotFire("TRD-006", Trd() with { FailedAdequateTrials = 2, DistinctMechanisms = 1 });
        AssertDoesNotFire("TRD-006", Trd() with { FailedAdequateTrials = 2, DistinctMechanisms = null });
        AssertDoesNotFire("TRD-006", Adult() with { FailedAdequateTrials = 0, DistinctMechanisms = 0 });
    }

    [Fact, Fires("TRD-007")]
    public void Evaluate_OtherDiagnosisWithAnEpisodeAndTwoFailedTrials_FiresTrd007()
    {
        // Helper 195: "other" as the primary diagnosis, a current episode and three failed trials read "not indicated" with
        // no finding at all; INV-002 says why for PTSD or OCD, nothing did for another diagnosis.
        var h = Trd() with { PrimaryDiagnosis = PrimaryDiagnosis.Other, FailedAdequateTrials = 3, LifeLimitingIllness = false };
        var f = AssertFires("TRD-007", h);
        Assert.Equal((FindingKind.Information, Severity.Moderate), (f.Kind, f.Severity));
        AssertBecause(f, "primaryDiagnosis", "other");
        AssertBecause(f, "currentDepressiveEpisode", "true");
        AssertBecause(f, "failedAdequateTrials", "3");
        var assessment = ScreeningEngine.Evaluate(h, RuleSet);
        Assert.Equal(Verdict.NotIndicated, assessment.Overall);
        Assert.Equal(["TRD-007"], assessment.Findings.Select(x => x.RuleId));
    }

    // 1.24.0 (section 36): 1.23.0's TRD-007 said "no TRD pathway opens"; the TRD pathways are not applicable (their status
    // reads so), which the words now say.
    [Fact, Fires("TRD-007")]
    public void Evaluate_OtherDiagnosisWithTwoFailedTrials_Trd007SaysNoTrdPathwayIsApplicable()
    {
        var h = Trd() with { PrimaryDiagnosis = PrimaryDiagnosis.Other, FailedAdequateTrials = 3, LifeLimitingIllness = false };
        var f = AssertFires("TRD-007", h);
        Assert.Contains("recorded as another diagnosis, no TRD pathway is applicable, whatever the trials.", f.Detail, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\bopens?\b", f.Summary + " " + f.Detail);
        var a = ScreeningEngine.Evaluate(h, RuleSet);
        Assert.Equal(PathwayStatus.NotApplicable, a.For(Pathway.EsketamineTrd).Status);
        Assert.Equal(PathwayStatus.NotApplicable, a.For(Pathway.KetamineOffLabelTrd).Status);
        Assert.Contains("no TRD pathway opens", RuleSetCatalog.V1_23_0["TRD-007"].Detail, StringComparison.Ordinal);
    }

    [Fact, Edge("TRD-007")]
    public void Evaluate_OtherDiagnosisWithOneFailedTrialOrNoEpisode_OrMdd_DoesNotFireTrd007()
    {
        AssertDoesNotFire("TRD-007", Trd() with { PrimaryDiagnosis = PrimaryDiagnosis.Other, FailedAdequateTrials = 1, DistinctMechanisms = 1 });
        AssertDoesNotFire("TRD-007", Trd() with { PrimaryDiagnosis = PrimaryDiagnosis.Other, CurrentDepressiveEpisode = false });
        AssertDoesNotFire("TRD-007", Trd());
        AssertDoesNotFire("TRD-007", Trd() with { PrimaryDiagnosis = PrimaryDiagnosis.Ptsd });
    }
}
