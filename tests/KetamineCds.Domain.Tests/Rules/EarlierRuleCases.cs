using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;
using static KetamineCds.Domain.Tests.Support.EarlierDefinitionChecks;
using static KetamineCds.Domain.Tests.Support.Histories;

namespace KetamineCds.Domain.Tests.Rules;

/// <summary>
/// Every rule definition that only earlier releases have, once each, by rule id and the first release that defines it so:
/// the releases stay replayable, so each keeps a history that fires it and one at its edge, run with every release that
/// has it (<see cref="EarlierReleaseRulesTests"/>). A release that replaces or removes a rule adds the case of the
/// definition it drops; <see cref="RuleCoverageTests"/> names it, and fails on a case that is no such definition. Where a
/// history's screening shows more than the fire (a verdict, a because), the check goes with that history; what the rule
/// itself says goes in <c>Expect</c>, and holds in every release of the definition.
/// </summary>
internal static class EarlierRuleCases
{
    /// <summary>1.11.0 replaced these details, which sent the clinician to a repository file (QA137 F5; section 19).</summary>
    private static readonly Action<Rule> NamesTheRulesFile = DetailContains("docs/rules.md");

    /// <summary>1.14.0 restated these to fire while the suicidal-ideation pathway cannot yet be ruled out (QA184 F3; section 22).</summary>
    private static readonly Action<Rule> BeforeNotRuledOut = ConditionLacks("cannot yet be ruled out");

    /// <summary>1.16.0 replaced these so that an unrecorded life-limiting illness is never read as "no" (section 26).</summary>
    private static readonly Action<Rule>[] BeforeTheIllnessWaits = [ConditionLacks("(PAL-001)"), ConditionLacks("life-limiting illness is not recorded")];

    /// <summary>1.19.0 reworded these, whose condition in words named PAL-001 for the palliative pathway not yet ruled out (section 31).</summary>
    private static readonly Action<Rule> NamesPal001AsNotRuledOut = ConditionContains("(PAL-001)");

    /// <summary>1.20.0 reworded these, whose condition in words named SUI-001 for the suicidal-ideation pathway not yet ruled out (section 32).</summary>
    private static readonly Action<Rule> NamesSui001AsNotRuledOut = ConditionContains("(SUI-001)");

    /// <summary>
    /// 1.20.0 to 1.22.0 (KET-002: 1.19.0 to 1.22.0): beside an indicated pathway the finding still named the waiting pathway's
    /// blank answer; 1.23.0 names it only where no pathway is indicated (F4, section 35). Fires the definition with that input.
    /// </summary>
    private static readonly ScreeningCheck NamesTheWaitingBlankBesideAnIndication = Because("preparatoryActsOrAbortedAttempt", WireNames.NotRecorded);

    /// <summary>1.18.0 reworded these, which named "the REMS monitoring form" (Question F of section 24; section 30).</summary>
    private static readonly Action<Rule>[] NamesTheRemsMonitoringForm = [WordsContain("REMS monitoring form"), WordsLack("for esketamine in the US")];

    /// <summary>1.13.0 reworded these, whose texts said "no X recorded" for an answer recorded as none or no (section 21).</summary>
    private const string Item9Wording = "or no suicidality is recorded beside a positive PHQ-9 item 9";

    /// <summary>Only the suicidal-ideation pathway cannot yet be ruled out (the life-limiting illness recorded as absent).</summary>
    private static PatientHistory OnlySuicidalWaits() => SuicidalPathwayNotRuledOut() with { LifeLimitingIllness = false };

    /// <summary>Its edge: recent behaviour recorded as absent, so no pathway applies or waits.</summary>
    private static PatientHistory NothingWaits() => OnlySuicidalWaits() with { PreparatoryActsOrAbortedAttempt = false };

    public static IReadOnlyList<EarlierDefinition> All { get; } =
    [
        // 1.1.0 corrected the young-adult warning's severity.
        new EarlierDefinition("AGE-002", "1.0.0").Fires(Trd() with { AgeYears = 24 }).Edge(Trd() with { AgeYears = 25 }).Expect(OfSeverity(Severity.Low)),
        new EarlierDefinition("AGE-003", "1.0.0")
            .Fires(Trd() with { Jurisdiction = Jurisdiction.Eu, AgeYears = 65 }).Edge(Trd() with { Jurisdiction = Jurisdiction.Eu, AgeYears = 64 })
            .Expect(NamesTheRulesFile),

        // BIO-001, as the other rules 1.5.0 replaced (section 13): the edge is the audit's C2 history, not indicated then.
        new EarlierDefinition("BIO-001", "1.0.0").Fires(Trd()).Edge(PassiveWithAbortedAttempt()),
        new EarlierDefinition("BIO-001", "1.5.0").Fires(Trd()).Edge(SuicidalPathwayNotRuledOut()).Expect(BeforeNotRuledOut),
        new EarlierDefinition("BIO-001", "1.14.0").Fires(Trd()).Edge(PalliativePathwayNotRuledOut()).Expect(BeforeTheIllnessWaits),
        new EarlierDefinition("BIO-001", "1.16.0").Fires(PalliativePathwayNotRuledOut()).Edge(PalliativePathwayNotRuledOut() with { LifeLimitingIllness = false }).Expect(NamesPal001AsNotRuledOut),
        new EarlierDefinition("BIO-001", "1.19.0").Fires(OnlySuicidalWaits()).Edge(NothingWaits()).Expect(NamesSui001AsNotRuledOut),
        new EarlierDefinition("BIO-001", "1.20.0").Fires(PalliativeBesideSuicidalPathwayWaiting(), NamesTheWaitingBlankBesideAnIndication).Fires(OnlySuicidalWaits()).Edge(NothingWaits()),

        // 1.18.0 added the REMS sentence and its source (section 30).
        new EarlierDefinition("BIP-001", "1.0.0").Fires(BipolarDepression()).Edge(BipolarDepression() with { CurrentDepressiveEpisode = false })
            .Expect(DetailEndsWith("The source document frames it as a short-term bridge."), DoesNotCite("SPRAVATO-REMS")),
        // 1.19.0 reworded its detail, which said "the caution stays on every open bipolar-adjunct pathway" (section 31).
        new EarlierDefinition("BIP-008", "1.1.0").Fires(BipolarDepression()).Edge(BipolarDepression() with { CurrentDepressiveEpisode = false })
            .Expect(DetailEndsWith("the caution stays on every open bipolar-adjunct pathway.")),
        new EarlierDefinition("BIP-002", "1.0.0")
            .Fires(BipolarDepression(PrimaryDiagnosis.BipolarII) with { MoodStabilizer = null, MoodStabilizerOptimized = null }, Because("moodStabilizer", WireNames.NotRecorded))
            .Edge(BipolarDepression() with { MoodStabilizer = MoodStabilizer.Lamotrigine }),
        new EarlierDefinition("BIP-004", "1.0.0")
            .Fires(BipolarDepression() with { CurrentManiaOrMixedFeatures = true }).Fires(Trd() with { CurrentManiaOrMixedFeatures = true })
            .Edge(BipolarDepression() with { CurrentManiaOrMixedFeatures = false }).Edge(Trd() with { CurrentManiaOrMixedFeatures = false }),
        new EarlierDefinition("BIP-004", "1.1.0").Fires(Trd() with { CurrentManiaOrMixedFeatures = true }).Edge(Trd() with { CurrentManiaOrMixedFeatures = false }),

        // 1.1.0 corrected lamotrigine in bipolar I, which 1.0.0 read as outside the evidence rather than as no mood stabilizer.
        new EarlierDefinition("BIP-005", "1.0.0").Fires(BipolarDepression() with { MoodStabilizer = MoodStabilizer.Lamotrigine })
            .Edge(BipolarDepression() with { MoodStabilizer = MoodStabilizer.Valproate }),
        new EarlierDefinition("BIP-007", "1.0.0")
            .Fires(BipolarDepression() with { CurrentManiaOrMixedFeatures = null }, Because("currentManiaOrMixedFeatures", WireNames.NotRecorded))
            .Edge(BipolarDepression() with { CurrentManiaOrMixedFeatures = false }).Edge(Adult() with { CurrentManiaOrMixedFeatures = null }),

        new EarlierDefinition("COG-001", "1.1.0").Fires(Trd() with { CognitiveImpairment = true }).Edge(Trd() with { CognitiveImpairment = false }),

        new EarlierDefinition("CV-001", "1.0.0")
            .Fires(Trd() with { SeriousCardiovascularOrCerebrovascularCondition = true }).Edge(Trd() with { SeriousCardiovascularOrCerebrovascularCondition = false }),

        // Until 1.4.0, CV-002 fired beside CV-003 at or above 180/110 mmHg: two instructions for one reading (section 11).
        new EarlierDefinition("CV-002", "1.0.0").Fires(Trd() with { SystolicBp = 184, DiastolicBp = 112 }, Because("systolicBp", "184"))
            .Edge(Trd() with { SystolicBp = 140, DiastolicBp = 90 }),
        new EarlierDefinition("CV-003", "1.1.0").Fires(Trd() with { SystolicBp = 180, DiastolicBp = 100 }).Fires(Trd() with { SystolicBp = 184, DiastolicBp = 112 })
            .Edge(Trd() with { SystolicBp = 179, DiastolicBp = 109 }).Expect(NamesTheRulesFile),

        // 1.1.0's requirement, which never changes a status: blood pressure not recorded left TRD plainly eligible (1.2.0 corrected it).
        new EarlierDefinition("CV-004", "1.1.0")
            .Fires(CheckedTrd() with { SystolicBp = null, DiastolicBp = null }, Because("systolicBp", WireNames.NotRecorded), ScreensAs(Verdict.Eligible)).Fires(Trd())
            .Edge(Trd() with { SystolicBp = 120, DiastolicBp = 80 }).Edge(PassiveWithAbortedAttempt())
            .Expect(IsA(FindingKind.Requirement)),
        new EarlierDefinition("CV-004", "1.2.0").Fires(Trd()).Edge(PassiveWithAbortedAttempt()),
        new EarlierDefinition("CV-004", "1.5.0").Fires(Trd()).Edge(SuicidalPathwayNotRuledOut()).Expect(BeforeNotRuledOut),
        new EarlierDefinition("CV-004", "1.14.0").Fires(Trd()).Edge(PalliativePathwayNotRuledOut()).Expect(BeforeTheIllnessWaits),
        new EarlierDefinition("CV-004", "1.16.0").Fires(PalliativePathwayNotRuledOut()).Edge(PalliativePathwayNotRuledOut() with { LifeLimitingIllness = false }).Expect(NamesPal001AsNotRuledOut),
        new EarlierDefinition("CV-004", "1.19.0").Fires(OnlySuicidalWaits()).Edge(NothingWaits()).Expect(NamesSui001AsNotRuledOut),
        new EarlierDefinition("CV-004", "1.20.0").Fires(PalliativeBesideSuicidalPathwayWaiting(), NamesTheWaitingBlankBesideAnIndication).Fires(OnlySuicidalWaits()).Edge(NothingWaits()),

        // A requirement until 1.9.0 made it a caution (section 17; QA148 F3).
        new EarlierDefinition("CV-005", "1.1.0").Fires(Trd() with { HypertensiveEncephalopathyHistory = true }).Edge(Trd() with { HypertensiveEncephalopathyHistory = false })
            .Expect(IsA(FindingKind.Requirement)),
        new EarlierDefinition("CV-006", "1.1.0").Fires(Trd() with { RecentMyocardialInfarctionOrStroke = true }).Edge(Trd() with { RecentMyocardialInfarctionOrStroke = false })
            .Expect(NamesTheRulesFile),
        new EarlierDefinition("CV-007", "1.1.0").Fires(Trd() with { RespiratoryDiseaseOrSleepApnea = true }).Edge(Trd() with { RespiratoryDiseaseOrSleepApnea = false })
            .Expect(NamesTheRulesFile),

        new EarlierDefinition("EU-001", "1.0.0")
            .Fires(Trd() with { Jurisdiction = Jurisdiction.Eu, OnOralAntidepressant = false }).Edge(Trd() with { Jurisdiction = Jurisdiction.Us, OnOralAntidepressant = false })
            .Expect(IsA(FindingKind.Requirement)),
        new EarlierDefinition("EU-002", "1.0.0")
            .Fires(Trd() with { Jurisdiction = Jurisdiction.Eu, OralAntidepressantClass = OralAntidepressantClass.Ssri })
            .Edge(Adult() with { Jurisdiction = Jurisdiction.Eu, FailedAdequateTrials = 1 }),

        // Until 1.3.0 an oral antidepressant of another class was a moderate requirement, so the result could read plainly eligible (section 9).
        new EarlierDefinition("EU-002", "1.1.0")
            .Fires(EuTrdOn(null)).Fires(EuTrdOn(OralAntidepressantClass.Other))
            .Fires(EuTrdOn(null, CheckedTrd()), ScreensAs(Verdict.Eligible)).Fires(EuTrdOn(OralAntidepressantClass.Other, CheckedTrd()), ScreensAs(Verdict.Eligible))
            .Edge(EuTrdOn(OralAntidepressantClass.Ssri)).Edge(EuTrdOn(OralAntidepressantClass.Snri))
            .Expect(IsA(FindingKind.Requirement), OfSeverity(Severity.Moderate)),

        // 1.4.0 to 1.20.0: the detail explained the engine ("this caution is not listed beside it"); 1.21.0 speaks clinically (section 33).
        new EarlierDefinition("SUI-013", "1.4.0").Fires(Suicidal(Suicidality.PassiveIdeation) with { SafetyPlanInPlace = null }).Edge(PlanWithoutSafetyNet()).Edge(Suicidal(Suicidality.ActiveIdeation))
            .Expect(DetailContains("this caution is not listed beside it")),

        // 1.21.0 to 1.25.0: fired beside SUI-010 on imminent risk with part of the safety net missing, two high cautions giving
        // one instruction; 1.26.0 fires only where imminent risk is not established (section 38, QA281 F6).
        new EarlierDefinition("SUI-013", "1.21.0")
            .Fires(Suicidal(Suicidality.ActiveIdeationWithPlan) with { SafetyPlanInPlace = true, LethalMeansCounselled = false, FollowUpArranged = true }, Because("lethalMeansCounselled", "false"))
            .Fires(Suicidal(Suicidality.PassiveIdeation) with { SafetyPlanInPlace = null })
            .Edge(PlanWithoutSafetyNet()).Edge(Suicidal(Suicidality.ActiveIdeation))
            .Expect(ConditionContains("and SUI-009 does not apply"), DetailContains("a same-day evaluation comes first (SUI-009)")),

        // 1.9.0 to 1.21.0: read imminent risk as a negation, so beside passive ideation the finding named suicidal intent, a
        // question the form asks only with active ideation, as not recorded; 1.22.0 names only what rules the risk out (section 34).
        new EarlierDefinition("SUI-014", "1.9.0")
            .Fires(Suicidal(Suicidality.PassiveIdeation) with { PreparatoryActsOrAbortedAttempt = false, SuicidalIntent = null },
                Because("suicidality", "passive-ideation"), Because("suicidalIntent", WireNames.NotRecorded), Because("preparatoryActsOrAbortedAttempt", "false"))
            .Fires(Suicidal(Suicidality.ActiveIdeation) with { PreparatoryActsOrAbortedAttempt = false, SuicidalIntent = false }, Because("suicidalIntent", "false"))
            .Edge(Suicidal(Suicidality.ActiveIdeation) with { PreparatoryActsOrAbortedAttempt = false, SuicidalIntent = null })
            .Edge(Suicidal(Suicidality.PassiveIdeation) with { PreparatoryActsOrAbortedAttempt = true })
            .Edge(Adult()),

        // 1.0.0 to 1.22.0 (TRD-001), 1.5.0 to 1.22.0 (EU-004), 1.20.0 to 1.22.0 (SUI-001, SUI-016): said a pathway "opens" or
        // "applies" on the indication, also where a contraindication left it not eligible (a 16-year-old's page); 1.23.0 says it
        // is applicable, subject to the contraindications and requirements (F2, section 35).
        new EarlierDefinition("TRD-001", "1.0.0").Fires(Adult() with { FailedAdequateTrials = 2 }).Fires(Trd() with { AgeYears = 16 }, Leaves(Pathway.EsketamineTrd, PathwayStatus.NotEligible))
            .Edge(Adult()).Edge(Adult() with { FailedAdequateTrials = 2, CurrentDepressiveEpisode = false })
            .Expect(DetailContains("This opens the esketamine TRD pathway and the off-label ketamine TRD pathway.")),
        new EarlierDefinition("EU-004", "1.5.0").Fires(Suicidal(Suicidality.ActiveIdeation) with { Jurisdiction = Jurisdiction.Eu }).Fires(PassiveWithAbortedAttempt() with { Jurisdiction = Jurisdiction.Eu })
            .Edge(Suicidal(Suicidality.ActiveIdeation)).Edge(Trd() with { Jurisdiction = Jurisdiction.Eu })
            .Expect(ConditionContains("the suicidal-ideation pathway applies (SUI-001)"), DetailContains("The screening opens this pathway")),
        new EarlierDefinition("SUI-001", "1.20.0").Fires(Suicidal(Suicidality.ActiveIdeation), Because("suicidality", "active-ideation")).Fires(PassiveWithAbortedAttempt())
            .Edge(SuicidalPathwayNotRuledOut()).Edge(NothingWaits())
            .Expect(SummaryEndsWith("the esketamine pathway for this indication applies."), DetailContains("does not open this pathway;")),
        // 1.23.0 to 1.28.0: "it can reduce depressive symptoms within hours", for esketamine, where the fact base has the trials'
        // 24 hours; 1.29.0 says so (QA313, the first review's SUI-001 row; section 41).
        new EarlierDefinition("SUI-001", "1.23.0").Fires(Suicidal(Suicidality.ActiveIdeation), Because("suicidality", "active-ideation")).Fires(PassiveWithAbortedAttempt())
            .Edge(SuicidalPathwayNotRuledOut()).Edge(NothingWaits())
            .Expect(DetailContains("Its value here is speed: it can reduce depressive symptoms within hours"), SummaryEndsWith("the esketamine pathway for it is applicable.")),
        new EarlierDefinition("SUI-016", "1.20.0").Fires(SuicidalPathwayNotRuledOut(), Because("preparatoryActsOrAbortedAttempt", WireNames.NotRecorded), Leaves(Pathway.EsketamineSuicidalIdeation, PathwayStatus.Incomplete))
            .Fires(Item9Recorded(Adult()), Because("suicideRiskAssessedAfterItem9", WireNames.NotRecorded))
            .Edge(NothingWaits()).Edge(Suicidal(Suicidality.ActiveIdeation))
            .Expect(DetailContains("opens this pathway (SUI-001)"), DetailEndsWith("does not open it.")),

        // Until 1.23.0 these said a pathway "opens", "applies" or stays "open" on an indication or a finding, or that a recorded
        // absence "does not open" it; 1.24.0 says applicable, not applicable, or a caution that does not close it (section 36).
        new EarlierDefinition("SUI-002", "1.5.0").Fires(Suicidal() with { OnOralAntidepressant = false }).Edge(Suicidal() with { OnOralAntidepressant = true })
            .Expect(ConditionContains("The suicidal-ideation pathway applies (SUI-001")),
        new EarlierDefinition("REMS-001", "1.23.0").Fires(Trd()).Fires(OnlySuicidalWaits()).Edge(BipolarDepression()).Edge(NothingWaits())
            .Expect(ConditionContains("An esketamine pathway applies")),
        new EarlierDefinition("REMS-004", "1.23.0").Fires(Trd()).Fires(OnlySuicidalWaits()).Edge(BipolarDepression()).Edge(NothingWaits())
            .Expect(ConditionContains("An esketamine pathway applies")),
        new EarlierDefinition("PAL-003", "1.19.0").Fires(PalliativePathwayNotRuledOut()).Edge(PalliativePathwayNotRuledOut() with { LifeLimitingIllness = false }).Edge(Palliative(4))
            .Expect(DetailEndsWith("does not open it.")),
        new EarlierDefinition("TRD-003", "1.21.0").Fires(Adult()).Fires(SuicidalPathwayNotRuledOut() with { FailedAdequateTrials = 0 })
            .Edge(Adult() with { FailedAdequateTrials = 2 }).Edge(Palliative(6) with { FailedAdequateTrials = 0 })
            .Expect(DetailContains("they open once two adequate trials have failed")),
        new EarlierDefinition("TRD-007", "1.15.0").Fires(Trd() with { PrimaryDiagnosis = PrimaryDiagnosis.Other, FailedAdequateTrials = 3 })
            .Edge(Trd() with { PrimaryDiagnosis = PrimaryDiagnosis.Other, FailedAdequateTrials = 1 }).Edge(Trd())
            .Expect(DetailContains("no TRD pathway opens")),
        new EarlierDefinition("SUI-010", "1.1.0").Fires(Suicidal(Suicidality.ActiveIdeationWithPlan) with { SafetyPlanInPlace = true, LethalMeansCounselled = true, FollowUpArranged = false })
            .Edge(Suicidal(Suicidality.ActiveIdeationWithPlan) with { SafetyPlanInPlace = true, LethalMeansCounselled = true, FollowUpArranged = true }).Edge(PlanWithoutSafetyNet())
            .Expect(DetailContains("The pathway stays open only as a caution")),
        new EarlierDefinition("SUI-015", "1.10.0").Fires(Suicidal(Suicidality.PassiveIdeation) with { Phq9Total = 15, Phq9Item9 = 0 })
            .Edge(Suicidal(Suicidality.PassiveIdeation) with { Phq9Total = 15, Phq9Item9 = 1 })
            .Expect(DetailContains("the disagreement opens nothing here")),

        // 1.13.0 to 1.24.0: REC-002 waited for recent behaviour beside active ideation with intent recorded, where the risk is
        // imminent whatever the answer; 1.25.0 waits for it only where it can still decide something (section 37, QA272 F2).
        new EarlierDefinition("REC-002", "1.13.0")
            .Fires(ActiveIdeationWithIntentBehaviourLeftOut(), BecauseOnly("preparatoryActsOrAbortedAttempt", WireNames.NotRecorded), Leaves(Pathway.EsketamineSuicidalIdeation, PathwayStatus.Incomplete))
            .Edge(ActiveIdeationWithIntentBehaviourLeftOut() with { PreparatoryActsOrAbortedAttempt = false })
            .Edge(ActiveIdeationWithIntentBehaviourLeftOut() with { PreparatoryActsOrAbortedAttempt = true })
            .Expect(ConditionContains("or preparatory acts or an aborted or interrupted attempt are not recorded for passive ideation or active ideation without a plan.")),

        // 1.1.0 to 1.24.0: AGE-002's summary said "Aged 24 or under" where it fires for 18 to 24 (section 37, QA272 F7).
        new EarlierDefinition("AGE-002", "1.1.0").Fires(Trd() with { AgeYears = 18 }).Fires(Trd() with { AgeYears = 24 }).Edge(Trd() with { AgeYears = 17 }).Edge(Trd() with { AgeYears = 25 })
            .Expect(SummaryStartsWith("Aged 24 or under:"), OfSeverity(Severity.Moderate)),

        // 1.24.0: TRD-003's summary said "the TRD pathways are closed" beside their status "Not applicable" (section 37).
        new EarlierDefinition("TRD-003", "1.24.0").Fires(Adult()).Fires(SuicidalPathwayNotRuledOut() with { FailedAdequateTrials = 0 })
            .Edge(Adult() with { FailedAdequateTrials = 2 }).Edge(Palliative(6) with { FailedAdequateTrials = 0 })
            .Expect(SummaryEndsWith("the TRD pathways are closed."), DetailContains("they become applicable once two adequate trials have failed")),

        // 1.0.0 to 1.20.0: fired beside PAL-001 and SUI-001 with "Standard next-step antidepressant treatment comes first" (section 33).
        new EarlierDefinition("TRD-003", "1.0.0").Fires(Adult()).Fires(Palliative(6) with { FailedAdequateTrials = 0 }).Fires(Suicidal(Suicidality.ActiveIdeation) with { FailedAdequateTrials = 0 })
            .Edge(Adult() with { FailedAdequateTrials = 2 })
            .Expect(DetailContains("Standard next-step antidepressant treatment comes first")),

        // 1.12.0 reworded "shown" for what the history records (QA157 F5; section 20).
        new EarlierDefinition("EU-005", "1.9.0")
            .Fires(CheckedTrd() with { Jurisdiction = Jurisdiction.Eu, OralAntidepressantClass = OralAntidepressantClass.Ssri, Phq9Total = 9, Phq9Item9 = 0 })
            .Edge(CheckedTrd() with { Jurisdiction = Jurisdiction.Eu, OralAntidepressantClass = OralAntidepressantClass.Ssri, Phq9Total = 10, Phq9Item9 = 0 })
            .Expect(DetailMatches(@"\bshows?\b")),

        // A requirement until 1.9.0 made it a caution (section 17; QA148 F3).
        new EarlierDefinition("HEP-002", "1.0.0").Fires(Trd() with { HepaticImpairment = HepaticImpairment.Moderate }).Edge(Trd() with { HepaticImpairment = HepaticImpairment.Mild })
            .Expect(IsA(FindingKind.Requirement)),
        new EarlierDefinition("HEP-003", "1.1.0")
            .Fires(Trd() with { HepaticImpairment = null }, Because("hepaticImpairment", WireNames.NotRecorded))
            .Edge(Trd() with { HepaticImpairment = HepaticImpairment.None }).Edge(PassiveWithAbortedAttempt())
            .Expect(IsA(FindingKind.Requirement)),
        new EarlierDefinition("HEP-003", "1.2.0").Fires(Trd()).Edge(PassiveWithAbortedAttempt()),
        new EarlierDefinition("HEP-003", "1.5.0").Fires(Trd()).Edge(SuicidalPathwayNotRuledOut()).Expect(BeforeNotRuledOut),
        new EarlierDefinition("HEP-003", "1.14.0").Fires(Trd()).Edge(PalliativePathwayNotRuledOut()).Expect(BeforeTheIllnessWaits),
        new EarlierDefinition("HEP-003", "1.16.0").Fires(PalliativePathwayNotRuledOut()).Edge(PalliativePathwayNotRuledOut() with { LifeLimitingIllness = false }).Expect(NamesPal001AsNotRuledOut),
        new EarlierDefinition("HEP-003", "1.19.0").Fires(OnlySuicidalWaits()).Edge(NothingWaits()).Expect(NamesSui001AsNotRuledOut),
        new EarlierDefinition("HEP-003", "1.20.0").Fires(PalliativeBesideSuicidalPathwayWaiting(), NamesTheWaitingBlankBesideAnIndication).Fires(OnlySuicidalWaits()).Edge(NothingWaits()),

        // 1.18.0 added the REMS sentence and its source (section 30).
        new EarlierDefinition("INV-001", "1.0.0").Fires(Adult() with { PrimaryDiagnosis = PrimaryDiagnosis.Ptsd }).Edge(Adult() with { PrimaryDiagnosis = PrimaryDiagnosis.Other })
            .Expect(DetailEndsWith("Neither is an approved indication."), CitesNoSource()),

        new EarlierDefinition("KET-001", "1.0.0").Fires(Adult() with { FailedAdequateTrials = 2 }).Edge(BipolarDepression() with { FailedAdequateTrials = 3 })
            .Expect(CitesPrinciples(Citations.TrdMechanism)),
        new EarlierDefinition("KET-002", "1.0.0").Fires(Adult() with { FailedAdequateTrials = 2 }).Edge(BipolarDepression() with { FailedAdequateTrials = 3 })
            .Expect(CitesPrinciples(Citations.TrdMechanism)),
        new EarlierDefinition("KET-002", "1.1.0").Fires(Trd()).Edge(PalliativePathwayNotRuledOut()).Expect(BeforeTheIllnessWaits),
        new EarlierDefinition("KET-002", "1.16.0").Fires(PalliativePathwayNotRuledOut()).Edge(PalliativePathwayNotRuledOut() with { LifeLimitingIllness = false }).Expect(NamesPal001AsNotRuledOut),
        new EarlierDefinition("KET-002", "1.19.0").Fires(Trd() with { LifeLimitingIllness = null }, Because("lifeLimitingIllness", WireNames.NotRecorded))
            .Fires(PalliativePathwayNotRuledOut()).Edge(PalliativePathwayNotRuledOut() with { LifeLimitingIllness = false }),

        // Its dose sentence had no cited source until 1.3.0.
        new EarlierDefinition("MED-001", "1.0.0")
            .Fires(Trd() with { BenzodiazepineDiazepamEquivalentMg = 0.5m }, Because("benzodiazepineDiazepamEquivalentMg", "0.5"))
            .Edge(Trd() with { BenzodiazepineDiazepamEquivalentMg = 0m })
            .Expect([DetailContains("not yet a cited source"), .. NamesTheRemsMonitoringForm]),
        new EarlierDefinition("MED-001", "1.3.0").Fires(Trd() with { BenzodiazepineDiazepamEquivalentMg = 0.5m }).Edge(Trd() with { BenzodiazepineDiazepamEquivalentMg = 0m })
            .Expect(NamesTheRemsMonitoringForm),
        new EarlierDefinition("MED-004", "1.1.0").Fires(Trd() with { OtherCnsDepressants = true }).Edge(Trd() with { OtherCnsDepressants = false })
            .Expect(NamesTheRemsMonitoringForm),
        new EarlierDefinition("MED-005", "1.1.0")
            .Fires(CheckedTrd() with { OtherCnsDepressants = null }, NotRecordedOnly("otherCnsDepressants")).Fires(Trd())
            .Edge(CheckedTrd()).Edge(PassiveWithAbortedAttempt()).Edge(MedicinesRecorded())
            .Expect([IsA(FindingKind.Requirement), .. NamesTheRemsMonitoringForm]),
        new EarlierDefinition("MED-005", "1.2.0").Fires(Trd()).Edge(PassiveWithAbortedAttempt()).Edge(MedicinesRecorded()).Expect(NamesTheRemsMonitoringForm),
        new EarlierDefinition("MED-005", "1.5.0").Fires(Trd()).Edge(SuicidalPathwayNotRuledOut()).Edge(MedicinesRecorded())
            .Expect([BeforeNotRuledOut, .. NamesTheRemsMonitoringForm]),
        new EarlierDefinition("MED-005", "1.14.0").Fires(Trd()).Edge(PalliativePathwayNotRuledOut()).Edge(MedicinesRecorded())
            .Expect([.. BeforeTheIllnessWaits, .. NamesTheRemsMonitoringForm]),
        new EarlierDefinition("MED-005", "1.16.0").Fires(Trd()).Edge(MedicinesRecorded()).Expect(NamesTheRemsMonitoringForm),
        new EarlierDefinition("MED-005", "1.18.0").Fires(PalliativePathwayNotRuledOut()).Edge(PalliativePathwayNotRuledOut() with { LifeLimitingIllness = false })
            .Expect(NamesPal001AsNotRuledOut, ConditionContains("opioids, naltrexone")),
        new EarlierDefinition("MED-005", "1.19.0").Fires(OnlySuicidalWaits()).Edge(NothingWaits()).Expect(NamesSui001AsNotRuledOut, ConditionContains("opioids, naltrexone")),
        new EarlierDefinition("MED-005", "1.20.0").Fires(PalliativeBesideSuicidalPathwayWaiting(), NamesTheWaitingBlankBesideAnIndication).Fires(OnlySuicidalWaits()).Edge(NothingWaits()).Edge(PalliativeBesideSuicidalPathwayWaiting().WithCareItemsRecorded()),

        new EarlierDefinition("NAL-001", "1.0.0").Fires(Trd() with { OnNaltrexone = true }).Edge(Trd() with { OnNaltrexone = false }),
        new EarlierDefinition("NAL-001", "1.1.0").Fires(Trd() with { OnNaltrexone = true }).Edge(Trd() with { OnNaltrexone = false }),
        new EarlierDefinition("NAL-002", "1.1.0").Fires(Trd() with { OnOpioids = true, OnNaltrexone = true }).Edge(Trd() with { OnOpioids = false, OnNaltrexone = true })
            .Expect(NamesTheRemsMonitoringForm),

        // Until 1.2.0 the palliative detail did not say the pathway is off-label.
        new EarlierDefinition("PAL-001", "1.0.0").Fires(Palliative(8), Because("prognosisWeeks", "8"))
            .Edge(Palliative(4) with { CurrentDepressiveEpisode = false }).Edge(Palliative(9))
            .Expect(DetailLacks("off-label")),
        // 1.16.0 to 1.18.0: one rule, one title, for the prognosis of weeks and for the pathway not yet ruled out; 1.19.0 gave
        // the second its own rule, PAL-003, and PAL-001 is 1.2.0's again (section 31).
        new EarlierDefinition("PAL-001", "1.16.0")
            .Fires(Palliative(8), Because("prognosisWeeks", "8"))
            .Fires(PalliativePathwayNotRuledOut(), NotRecordedOnly("lifeLimitingIllness"), Leaves(Pathway.PalliativeRapidActing, PathwayStatus.Incomplete))
            .Edge(Palliative(9)).Edge(PalliativePathwayNotRuledOut() with { LifeLimitingIllness = false })
            .Expect(SummaryStartsWith("A life-limiting illness with a prognosis of weeks (or a life-limiting illness is not recorded)")),
        // 1.2.0 to 1.19.0 (but 1.16.0 to 1.18.0): "if esketamine is chosen, the REMS monitoring still applies", uncited; 1.20.0
        // words it as BIP-001 and INV-001 do and cites the REMS (section 32).
        new EarlierDefinition("PAL-001", "1.2.0").Fires(Palliative(8), Because("prognosisWeeks", "8")).Edge(Palliative(9)).Edge(PalliativePathwayNotRuledOut())
            .Expect(DetailEndsWith("if esketamine is chosen, the REMS monitoring still applies."), DoesNotCite(Citations.SpravatoRems)),

        // 1.20.0 said "(discrepancy D9)" twice; 1.21.0 says it once (section 33).
        new EarlierDefinition("PAL-001", "1.20.0").Fires(Palliative(8), Because("prognosisWeeks", "8")).Edge(Palliative(9)).Edge(PalliativePathwayNotRuledOut())
            .Expect(DetailContains("The pathway is off-label (discrepancy D9):")),

        // 1.0.0 to 1.28.0: information findings that fire where no pathway is indicated too, their details not saying that the
        // pain is no indication on its own; 1.29.0 says it makes no pathway applicable (QA313; section 41).
        new EarlierDefinition("PAIN-001", "1.0.0").Fires(Trd() with { ChronicNeuropathicPain = true })
            .Fires(Palliative(12) with { FailedAdequateTrials = 0, ChronicNeuropathicPain = true }, ScreensAs(Verdict.NotIndicated))
            .Edge(Trd() with { ChronicNeuropathicPain = true, CurrentDepressiveEpisode = false })
            .Expect(DetailEndsWith("(discrepancy D8); the depression pathways are judged on their own criteria."), DetailLacks("not on its own an indication")),
        new EarlierDefinition("PAIN-002", "1.0.0").Fires(Trd() with { OnOpioids = true, OpioidInducedHyperalgesia = true })
            .Fires(Palliative(12) with { FailedAdequateTrials = 0, OnOpioids = true, OpioidInducedHyperalgesia = true }, ScreensAs(Verdict.NotIndicated))
            .Edge(Trd() with { OnOpioids = true, OpioidInducedHyperalgesia = false })
            .Expect(DetailLacks("not on its own an indication")),

        new EarlierDefinition("PSY-002", "1.0.0").Fires(ControlledPsychosis(), Because("psychosis", "history-controlled")).Edge(Trd() with { Psychosis = PsychosisStatus.HistoryUntreated }),
        new EarlierDefinition("PSY-003", "1.0.0").Fires(ControlledPsychosis(), Because("psychosis", "history-controlled")).Edge(Trd() with { Psychosis = PsychosisStatus.HistoryUntreated }),

        // The completeness rules 1.8.0 replaced (section 16): before it, "no suicidality" beside a positive item 9 left nothing waiting.
        Completeness1_1_0("REC-001", Pathway.EsketamineTrd),
        Completeness1_1_0("REC-002", Pathway.EsketamineSuicidalIdeation).Fires(Suicidal(Suicidality.ActiveIdeation)).Edge(PassiveWithAbortedAttempt()),
        Completeness1_1_0("REC-002", Pathway.EsketamineSuicidalIdeation, "1.5.0"),
        Completeness1_1_0("REC-003", Pathway.KetamineOffLabelTrd),
        Completeness1_1_0("REC-004", Pathway.BipolarAdjunct),
        Completeness1_1_0("REC-005", Pathway.PalliativeRapidActing),
        Completeness1_1_0("REC-006", Pathway.InvestigationalPtsdOcd),

        // The completeness rules with 1.8.0's item-9 wording, which 1.13.0 reworded.
        Completeness1_8_0("REC-001", IndicatedFor(Pathway.EsketamineTrd)),
        Completeness1_8_0("REC-002", Adult()),
        Completeness1_8_0("REC-003", IndicatedFor(Pathway.KetamineOffLabelTrd)),
        Completeness1_8_0("REC-004", IndicatedFor(Pathway.BipolarAdjunct)),
        Completeness1_8_0("REC-005", IndicatedFor(Pathway.PalliativeRapidActing)),
        Completeness1_8_0("REC-006", IndicatedFor(Pathway.InvestigationalPtsdOcd)),
        new EarlierDefinition("REC-005", "1.13.0").Fires(Palliative(4) with { FailedAdequateTrials = 0 }).Edge(PalliativePathwayNotRuledOut()).Expect(BeforeTheIllnessWaits),

        // Until 1.27.0 the suicide-risk assessment after a positive PHQ-9 item 9 recorded as not done let the pathways open: the
        // completeness rules, SUI-016 and what a waiting pathway needs fired only while it was blank (QA293 F2; section 39).
        ItemNineAssessmentBlankOnly("REC-001", "1.13.0", IndicatedFor(Pathway.EsketamineTrd)),
        ItemNineAssessmentBlankOnly("REC-002", "1.25.0", Adult()),
        ItemNineAssessmentBlankOnly("REC-003", "1.13.0", IndicatedFor(Pathway.KetamineOffLabelTrd)),
        ItemNineAssessmentBlankOnly("REC-004", "1.13.0", IndicatedFor(Pathway.BipolarAdjunct)),
        ItemNineAssessmentBlankOnly("REC-005", "1.16.0", IndicatedFor(Pathway.PalliativeRapidActing)),
        ItemNineAssessmentBlankOnly("REC-006", "1.13.0", IndicatedFor(Pathway.InvestigationalPtsdOcd)),
        // 1.27.0's completeness rules, which 1.28.0 rewords (summary only; section 40): waiting for the assessment recorded as not
        // done too, their summary said only "Not recorded:".
        ItemNineAssessmentUntilDone1_27_0("REC-001", IndicatedFor(Pathway.EsketamineTrd)),
        ItemNineAssessmentUntilDone1_27_0("REC-002", Adult()),
        ItemNineAssessmentUntilDone1_27_0("REC-003", IndicatedFor(Pathway.KetamineOffLabelTrd)),
        ItemNineAssessmentUntilDone1_27_0("REC-004", IndicatedFor(Pathway.BipolarAdjunct)),
        ItemNineAssessmentUntilDone1_27_0("REC-005", IndicatedFor(Pathway.PalliativeRapidActing)),
        ItemNineAssessmentUntilDone1_27_0("REC-006", IndicatedFor(Pathway.InvestigationalPtsdOcd)),
        new EarlierDefinition("SUI-016", "1.23.0")
            .Fires(Item9Recorded(Adult()), Because("suicideRiskAssessedAfterItem9", WireNames.NotRecorded), Leaves(Pathway.EsketamineSuicidalIdeation, PathwayStatus.Incomplete))
            .Fires(SuicidalPathwayNotRuledOut())
            .Edge(Item9Recorded(Adult()) with { SuicideRiskAssessedAfterItem9 = false }).Edge(NothingWaits())
            .Expect(ConditionLacks("not recorded as done"), SummaryEndsWith("or the suicide-risk assessment after a positive PHQ-9 item 9.")),
        new EarlierDefinition("SUI-008", "1.9.0").Fires(Item9BesideNone()).Fires(Item9BesideNone() with { SuicideRiskAssessedAfterItem9 = false })
            .Edge(Item9BesideNone() with { SuicideRiskAssessedAfterItem9 = true })
            .Expect(DetailEndsWith("recorded as not done, this caution stands.")),
        .. new[] { ("BIO-001", "1.23.0"), ("CV-004", "1.23.0"), ("HEP-003", "1.23.0"), ("MED-005", "1.23.0"), ("REMS-001", "1.24.0"), ("REMS-002", "1.23.0"), ("REMS-003", "1.23.0"), ("REMS-004", "1.24.0"), ("SAF-001", "1.23.0") }
            .Select(r => new EarlierDefinition(r.Item1, r.Item2).Fires(Item9BesideNone()).Fires(OnlySuicidalWaits())
                .Edge(Item9BesideNone() with { SuicideRiskAssessedAfterItem9 = false }).Edge(NothingWaits())
                .Expect(ConditionContains("(SUI-016)"))),

        // Until 1.27.0 these said more than the fact base supports (QA293; section 39): AGE-003 cited the EU SmPC for a dose read in
        // Hong Kong's product information, MED-006 said neither study used esketamine, TRD-001 gave "at least 4 weeks" to the US label.
        new EarlierDefinition("AGE-003", "1.11.0")
            .Fires(Trd() with { Jurisdiction = Jurisdiction.Eu, AgeYears = 65 }).Edge(Trd() with { Jurisdiction = Jurisdiction.Eu, AgeYears = 64 }).Edge(Trd() with { AgeYears = 70 })
            .Expect(rule => Assert.Equal([Citations.SpravatoSmpcEu], rule.Sources), DetailContains("EU labelling starts patients aged 65 or over at 28 mg")),
        new EarlierDefinition("MED-006", "1.3.0")
            .Fires(Trd() with { BenzodiazepineDiazepamEquivalentMg = 10m }).Edge(Trd() with { BenzodiazepineDiazepamEquivalentMg = 8m })
            .Expect(DetailContains("Neither study used esketamine")),
        new EarlierDefinition("TRD-001", "1.23.0").Fires(Adult() with { FailedAdequateTrials = 2 }).Edge(Adult())
            .Expect(DetailContains("The US label and the EU consensus define TRD"), DetailContains("(at least 4 weeks)")),

        // 1.0.0's monitoring read outside the esketamine pathways too (1.1.0 corrected it).
        new EarlierDefinition("REMS-001", "1.0.0").Fires(Trd()).Edge(PassiveWithAbortedAttempt()),
        new EarlierDefinition("REMS-001", "1.5.0").Fires(Trd()).Edge(SuicidalPathwayNotRuledOut()).Expect(BeforeNotRuledOut),
        new EarlierDefinition("REMS-001", "1.14.0").Fires(SuicidalPathwayNotRuledOut()).Edge(NothingWaits()).Expect(NamesSui001AsNotRuledOut),
        new EarlierDefinition("REMS-001", "1.20.0").Fires(TrdBesideSuicidalPathwayWaiting(), NamesTheWaitingBlankBesideAnIndication).Fires(OnlySuicidalWaits()).Edge(NothingWaits()),
        new EarlierDefinition("REMS-002", "1.0.0").Fires(Adult() with { FailedAdequateTrials = 2 }).Fires(Trd()).Edge(BipolarDepression()).Edge(PassiveWithAbortedAttempt()),
        new EarlierDefinition("REMS-002", "1.1.0").Fires(Trd()).Edge(PassiveWithAbortedAttempt()),
        new EarlierDefinition("REMS-002", "1.5.0").Fires(Trd()).Edge(SuicidalPathwayNotRuledOut()).Expect(BeforeNotRuledOut),
        new EarlierDefinition("REMS-002", "1.14.0").Fires(Trd()).Edge(PalliativePathwayNotRuledOut()).Expect(BeforeTheIllnessWaits),
        new EarlierDefinition("REMS-002", "1.16.0").Fires(PalliativePathwayNotRuledOut()).Edge(PalliativePathwayNotRuledOut() with { LifeLimitingIllness = false }).Expect(NamesPal001AsNotRuledOut),
        new EarlierDefinition("REMS-002", "1.19.0").Fires(OnlySuicidalWaits()).Edge(NothingWaits()).Expect(NamesSui001AsNotRuledOut),
        new EarlierDefinition("REMS-002", "1.20.0").Fires(PalliativeBesideSuicidalPathwayWaiting(), NamesTheWaitingBlankBesideAnIndication).Fires(OnlySuicidalWaits()).Edge(NothingWaits()),
        new EarlierDefinition("REMS-003", "1.0.0").Fires(Adult() with { FailedAdequateTrials = 2 }).Fires(Trd()).Edge(BipolarDepression()).Edge(PassiveWithAbortedAttempt()),
        new EarlierDefinition("REMS-003", "1.1.0").Fires(Trd()).Edge(PassiveWithAbortedAttempt()),
        new EarlierDefinition("REMS-003", "1.5.0").Fires(Trd()).Edge(SuicidalPathwayNotRuledOut()).Expect(BeforeNotRuledOut),
        new EarlierDefinition("REMS-003", "1.14.0").Fires(Trd()).Edge(PalliativePathwayNotRuledOut()).Expect(BeforeTheIllnessWaits),
        new EarlierDefinition("REMS-003", "1.16.0").Fires(PalliativePathwayNotRuledOut()).Edge(PalliativePathwayNotRuledOut() with { LifeLimitingIllness = false }).Expect(NamesPal001AsNotRuledOut),
        new EarlierDefinition("REMS-003", "1.19.0").Fires(OnlySuicidalWaits()).Edge(NothingWaits()).Expect(NamesSui001AsNotRuledOut),
        new EarlierDefinition("REMS-003", "1.20.0").Fires(PalliativeBesideSuicidalPathwayWaiting(), NamesTheWaitingBlankBesideAnIndication).Fires(OnlySuicidalWaits()).Edge(NothingWaits()),
        new EarlierDefinition("REMS-004", "1.0.0").Fires(Trd()).Edge(PassiveWithAbortedAttempt()),
        new EarlierDefinition("REMS-004", "1.5.0").Fires(Trd()).Edge(SuicidalPathwayNotRuledOut()).Expect(BeforeNotRuledOut),
        new EarlierDefinition("REMS-004", "1.14.0").Fires(SuicidalPathwayNotRuledOut()).Edge(NothingWaits()).Expect(NamesSui001AsNotRuledOut),
        new EarlierDefinition("REMS-004", "1.20.0").Fires(TrdBesideSuicidalPathwayWaiting(), NamesTheWaitingBlankBesideAnIndication).Fires(OnlySuicidalWaits()).Edge(NothingWaits()),

        // 1.0.0 read pregnancy not recorded as no, and did not counsel with sex at birth recorded as unknown (1.1.0 corrected both).
        new EarlierDefinition("REP-001", "1.0.0").Fires(Trd() with { SexAtBirth = SexAtBirth.Female, AgeYears = 30, Pregnant = true })
            .Edge(Trd() with { SexAtBirth = SexAtBirth.Female, AgeYears = 30, Pregnant = null }, ScreensAs(Verdict.Eligible)),
        new EarlierDefinition("REP-003", "1.0.0").Fires(Trd() with { SexAtBirth = SexAtBirth.Female, AgeYears = 30, Pregnant = false })
            .Edge(Trd() with { SexAtBirth = SexAtBirth.Unknown, AgeYears = 30 }),

        // A requirement in 1.1.0; a caution in 1.2.0, which never asked about other cardiovascular or cerebrovascular disease.
        new EarlierDefinition("SAF-001", "1.1.0")
            .Fires(CheckedTrd() with { RespiratoryDiseaseOrSleepApnea = null }, Because("respiratoryDiseaseOrSleepApnea", WireNames.NotRecorded)).Fires(Trd())
            .Edge(CheckedTrd() with { SexAtBirth = SexAtBirth.Male, Breastfeeding = null }).Edge(PassiveWithAbortedAttempt())
            .Expect(IsA(FindingKind.Requirement)),
        new EarlierDefinition("SAF-001", "1.2.0")
            .Fires(CheckedTrd() with { RespiratoryDiseaseOrSleepApnea = null }, Because("respiratoryDiseaseOrSleepApnea", WireNames.NotRecorded)).Fires(Trd())
            .Edge(CheckedTrd() with { OtherCardiovascularOrCerebrovascularDisease = null }, ScreensAs(Verdict.Eligible)).Edge(PassiveWithAbortedAttempt())
            .Expect(IsA(FindingKind.Caution)),
        new EarlierDefinition("SAF-001", "1.3.0").Fires(Trd()).Edge(PassiveWithAbortedAttempt()),
        new EarlierDefinition("SAF-001", "1.5.0").Fires(Trd()).Edge(SuicidalPathwayNotRuledOut()).Expect(BeforeNotRuledOut),
        new EarlierDefinition("SAF-001", "1.14.0").Fires(Trd()).Edge(PalliativePathwayNotRuledOut()).Expect(BeforeTheIllnessWaits),

        // 1.17.0 made raised intraocular pressure left blank call for care (section 28); 1.16.0's SAF-001 does not read it.
        new EarlierDefinition("SAF-001", "1.16.0").Fires(Trd())
            .Edge(Trd().WithCareItemsRecorded() with { Breastfeeding = false, LifeLimitingIllness = false, RaisedIntraocularPressure = null })
            .Expect(ConditionLacks("intraocular"), DetailLacks("intraocular")),
        new EarlierDefinition("SAF-001", "1.17.0").Fires(PalliativePathwayNotRuledOut()).Edge(PalliativePathwayNotRuledOut() with { LifeLimitingIllness = false })
            .Expect(NamesPal001AsNotRuledOut, ConditionContains("intraocular")),
        new EarlierDefinition("SAF-001", "1.19.0").Fires(OnlySuicidalWaits()).Edge(NothingWaits()).Expect(NamesSui001AsNotRuledOut, ConditionContains("intraocular")),
        new EarlierDefinition("SAF-001", "1.20.0").Fires(PalliativeBesideSuicidalPathwayWaiting(), NamesTheWaitingBlankBesideAnIndication).Fires(OnlySuicidalWaits()).Edge(NothingWaits()).Edge(PalliativeBesideSuicidalPathwayWaiting().WithCareItemsRecorded()),

        new EarlierDefinition("SCR-001", "1.0.0").Fires(Trd() with { Phq9Total = 9, Phq9Item9 = 0 }).Edge(Trd() with { Phq9Total = 10, Phq9Item9 = 0 }),
        new EarlierDefinition("SCR-002", "1.6.0").Fires(NoEpisode() with { Phq9Total = 10 }).Edge(NoEpisode() with { Phq9Total = 9 })
            .Expect(SummaryContains("although no current depressive episode is recorded:")),

        // 1.0.0's SUB-001 is a caution; 1.1.0's a contraindication that says the alcohol trial excluded active use (without citing it).
        new EarlierDefinition("SUB-001", "1.0.0").Fires(Trd() with { SubstanceUse = SubstanceUse.Active }, Leaves(Pathway.EsketamineTrd, PathwayStatus.EligibleWithCautions))
            .Edge(Trd() with { SubstanceUse = SubstanceUse.InRemission })
            .Expect(IsA(FindingKind.Caution)),
        new EarlierDefinition("SUB-001", "1.1.0").Fires(Trd() with { SubstanceUse = SubstanceUse.Active }, Leaves(Pathway.EsketamineTrd, PathwayStatus.NotEligible))
            .Edge(Trd() with { SubstanceUse = SubstanceUse.InRemission })
            .Expect(IsA(FindingKind.Contraindication), DetailContains("alcohol use disorder excluded active use"), DoesNotCite(Citations.Yoon2019), NamesTheRulesFile),
        new EarlierDefinition("SUB-001", "1.2.0").Fires(Trd() with { SubstanceUse = SubstanceUse.Active }).Edge(Trd() with { SubstanceUse = SubstanceUse.InRemission })
            .Expect(NamesTheRulesFile),
        new EarlierDefinition("SUB-003", "1.1.0")
            .Fires(Trd() with { SubstanceUse = SubstanceUse.InRemission, SubstancesUsed = new ValueList<SubstanceUsed>([SubstanceUsed.KetamineOrPcp]) })
            .Edge(Trd() with { SubstanceUse = SubstanceUse.InRemission, SubstancesUsed = new ValueList<SubstanceUsed>([SubstanceUsed.Alcohol]) }),
        new EarlierDefinition("SUB-004", "1.1.0")
            .Fires(Trd() with { SubstanceUse = SubstanceUse.InRemission, SubstancesUsed = null }, Because("substancesUsed", WireNames.NotRecorded))
            .Edge(Trd() with { SubstanceUse = SubstanceUse.InRemission, SubstancesUsed = new ValueList<SubstanceUsed>([SubstanceUsed.Cannabis]) })
            .Expect(IsA(FindingKind.Requirement)),

        // Before 1.5.0 the suicidal-ideation indication did not count an aborted attempt or preparatory acts as behaviour (section 13).
        new EarlierDefinition("SUI-001", "1.0.0").Fires(Suicidal(Suicidality.ActiveIdeation)).Edge(PassiveWithAbortedAttempt()),

        // 1.5.0's SUI-001 did not wait for the assessment after a positive item 9, which 1.8.0 added: "none" beside item 9 is not indicated.
        new EarlierDefinition("SUI-001", "1.5.0").Fires(PassiveWithAbortedAttempt())
            .Edge(Suicidal(Suicidality.PassiveIdeation) with { PreparatoryActsOrAbortedAttempt = false }).Edge(Item9BesideNone() with { SuicideRiskAssessedAfterItem9 = null }),
        new EarlierDefinition("SUI-001", "1.8.0").Fires(Item9Recorded(Adult())).Edge(Item9Recorded(Adult()) with { SuicideRiskAssessedAfterItem9 = true })
            .Expect(SummaryMatches(@"\bshows?\b")),
        new EarlierDefinition("SUI-001", "1.12.0").Fires(Item9Recorded(Adult())).Edge(Item9Recorded(Adult()) with { SuicideRiskAssessedAfterItem9 = true })
            .Expect(ConditionContains("and no suicide-risk assessment since is recorded.")),
        // 1.13.0 to 1.19.0: one rule, one title, for the indication and for the pathway not yet ruled out; 1.20.0 gave the
        // second its own rule, SUI-016 (section 32).
        new EarlierDefinition("SUI-001", "1.13.0")
            .Fires(Suicidal(Suicidality.ActiveIdeation), Because("suicidality", "active-ideation"))
            .Fires(Item9Recorded(Adult()), Because("suicideRiskAssessedAfterItem9", WireNames.NotRecorded))
            .Fires(SuicidalPathwayNotRuledOut(), Because("preparatoryActsOrAbortedAttempt", WireNames.NotRecorded), Leaves(Pathway.EsketamineSuicidalIdeation, PathwayStatus.Incomplete))
            .Edge(Item9Recorded(Adult()) with { SuicideRiskAssessedAfterItem9 = true }).Edge(NothingWaits())
            .Expect(SummaryContains("(or an answer that could still establish them is not recorded)"), ConditionContains("and the suicide-risk assessment since is not recorded.")),
        new EarlierDefinition("SUI-002", "1.0.0").Fires(Suicidal() with { OnOralAntidepressant = false })
            .Edge(Suicidal() with { OnOralAntidepressant = true }).Edge(PassiveWithAbortedAttempt() with { OnOralAntidepressant = false })
            .Expect(IsA(FindingKind.Requirement)),
        new EarlierDefinition("SUI-002", "1.3.0").Fires(Suicidal(Suicidality.ActiveIdeation) with { OnOralAntidepressant = false })
            .Edge(PassiveWithAbortedAttempt() with { OnOralAntidepressant = false }),
        new EarlierDefinition("SUI-003", "1.0.0")
            .Fires(Suicidal(Suicidality.PassiveIdeation) with { SafetyPlanInPlace = false }).Edge(Suicidal(Suicidality.PassiveIdeation) with { SafetyPlanInPlace = true })
            .Expect(NamesTheRulesFile),
        new EarlierDefinition("SUI-006", "1.0.0").Fires(Suicidal(Suicidality.PassiveIdeation)).Edge(Adult()),

        // 1.1.0 corrected intent without a plan.
        new EarlierDefinition("SUI-007", "1.0.0").Fires(Suicidal(Suicidality.ActiveIdeationWithPlan))
            .Edge(Suicidal(Suicidality.ActiveIdeation) with { SuicidalIntent = true, PreparatoryActsOrAbortedAttempt = true }),

        // A requirement until 1.2.0: with "no suicidality" recorded, a positive item 9 left TRD plainly eligible.
        new EarlierDefinition("SUI-008", "1.0.0")
            .Fires(Adult() with { Phq9Item9 = 1 }, Because("phq9Item9", "1")).Fires(Adult() with { Phq9Total = 15, Phq9Item9 = 1 })
            .Fires(CheckedTrd() with { Phq9Item9 = 3 }, Because("phq9Item9", "3"), ScreensAs(Verdict.Eligible))
            .Edge(Suicidal(Suicidality.PassiveIdeation) with { Phq9Item9 = 2 }).Edge(Adult() with { Phq9Item9 = 0 }).Edge(Adult() with { Phq9Total = 15, Phq9Item9 = 0 })
            .Expect(IsA(FindingKind.Requirement), OfSeverity(Severity.Moderate)),
        new EarlierDefinition("SUI-008", "1.2.0").Fires(Adult() with { Phq9Total = 15, Phq9Item9 = 1 }).Edge(Adult() with { Phq9Total = 15, Phq9Item9 = 0 }),

        // 1.5.0's SUI-008 fired whatever was recorded about the assessment; 1.8.0's summary said "although no suicidality is recorded" (QA148 F6).
        new EarlierDefinition("SUI-008", "1.5.0").Fires(Item9BesideNone() with { SuicideRiskAssessedAfterItem9 = true }).Edge(Item9BesideNone() with { Phq9Item9 = 0 }),
        new EarlierDefinition("SUI-008", "1.8.0").Fires(Item9BesideNone()).Edge(Item9BesideNone() with { SuicideRiskAssessedAfterItem9 = true })
            .Expect(SummaryStartsWith("PHQ-9 item 9 is positive although no suicidality is recorded:")),

        // Until 1.4.0 SUI-009 fired beside SUI-013's "or record why not" (section 11); its condition said "no X recorded" until 1.13.0.
        new EarlierDefinition("SUI-009", "1.1.0").Fires(ImminentWithoutSafetyNet()).Fires(PlanWithoutSafetyNet())
            .Edge(ImminentWithoutSafetyNet() with { SafetyPlanInPlace = true })
            .Expect(ConditionContains("no safety plan, no lethal-means counselling and no follow-up arranged")),

        // 1.17.0 reworded it (Question C).
        new EarlierDefinition("SUI-012", "1.1.0")
            .Fires(Suicidal(Suicidality.ActiveIdeation) with { SuicidalIntent = null, PreparatoryActsOrAbortedAttempt = false })
            .Edge(Suicidal(Suicidality.ActiveIdeation) with { SuicidalIntent = false, PreparatoryActsOrAbortedAttempt = false })
            .Expect(SummaryStartsWith("Suicide risk not fully assessed: record intent,")),

        // 1.2.0's wording against its kind: "do not treat until" on a caution that leaves the pathway open.
        new EarlierDefinition("SUI-013", "1.2.0").Fires(Suicidal(Suicidality.PassiveIdeation) with { SafetyPlanInPlace = null })
            .Edge(Trd() with { SafetyPlanInPlace = false, LethalMeansCounselled = false, FollowUpArranged = false })
            .Expect(IsA(FindingKind.Caution), SummaryContains("do not treat until")),
        new EarlierDefinition("SUI-013", "1.3.0").Fires(PlanWithoutSafetyNet()).Edge(Suicidal(Suicidality.ActiveIdeation)),

        // 1.12.0 reworded "shown" for what the history records (QA157 F5; section 20).
        new EarlierDefinition("TRD-002", "1.0.0").Fires(Trd() with { DistinctMechanisms = 1 }).Edge(Trd() with { DistinctMechanisms = 2 })
            .Expect(SummaryEndsWith("is not shown.")),
        new EarlierDefinition("TRD-005", "1.10.0").Fires(NoEpisode() with { FailedAdequateTrials = 1 }).Edge(NoEpisode())
            .Expect(SummaryContains("but no current depressive episode is:")),

        new EarlierDefinition("URO-001", "1.1.0").Fires(Trd() with { UrinaryTractSymptoms = true }).Edge(Trd() with { UrinaryTractSymptoms = false }),
    ];

    /// <summary>The case named so (<see cref="EarlierDefinition.Name"/>).</summary>
    public static EarlierDefinition Named(string name) => All.Single(c => c.Name == name);

    /// <summary>
    /// REC-001 to REC-006 as 1.1.0 (REC-002 also 1.5.0) define them: with every safety item recorded but substance use, the
    /// pathway waits for it, and nothing else; before 1.8.0, "no suicidality" beside a positive item 9 left nothing waiting.
    /// </summary>
    private static EarlierDefinition Completeness1_1_0(string ruleId, Pathway pathway, string definedIn = "1.1.0")
    {
        var recorded = IndicatedFor(pathway).WithSafetyItemsRecordedAbsent();
        return new EarlierDefinition(ruleId, definedIn)
            .Fires(recorded with { SubstanceUse = null }, BecauseOnly("substanceUse", WireNames.NotRecorded))
            .Edge(recorded).Edge(recorded with { Phq9Total = 12, Phq9Item9 = 2, SuicideRiskAssessedAfterItem9 = null });
    }

    /// <summary>REC-001 to REC-006 as 1.8.0 defines them: they wait for the assessment after a positive item 9 beside "no suicidality".</summary>
    /// <summary>
    /// A completeness rule of 1.13.0 to 1.26.0: it waits for the assessment after a positive item 9 while it is not recorded,
    /// and not once it is recorded as not done (1.27.0 waits then too; QA293 F2, section 39).
    /// </summary>
    private static EarlierDefinition ItemNineAssessmentBlankOnly(string ruleId, string definedIn, PatientHistory indicated) =>
        new EarlierDefinition(ruleId, definedIn)
            .Fires(Item9Recorded(indicated), Because("suicideRiskAssessedAfterItem9", WireNames.NotRecorded))
            .Edge(Item9Recorded(indicated) with { SuicideRiskAssessedAfterItem9 = false })
            .Edge(Item9Recorded(indicated) with { SuicideRiskAssessedAfterItem9 = true })
            .Expect(ConditionLacks("not recorded as done"), DetailLacks("recorded as not done"));

    private static EarlierDefinition ItemNineAssessmentUntilDone1_27_0(string ruleId, PatientHistory indicated) =>
        new EarlierDefinition(ruleId, "1.27.0")
            .Fires(Item9Recorded(indicated) with { SuicideRiskAssessedAfterItem9 = false }, Because("suicideRiskAssessedAfterItem9", "false"))
            .Fires(Item9Recorded(indicated), Because("suicideRiskAssessedAfterItem9", WireNames.NotRecorded))
            .Edge(Item9Recorded(indicated) with { SuicideRiskAssessedAfterItem9 = true })
            .Expect(ConditionContains("not recorded as done (not recorded, or recorded as not done)"), SummaryStartsWith("Not recorded: the "), SummaryEndsWith("pathway cannot open until the safety items listed are answered."));

    private static EarlierDefinition Completeness1_8_0(string ruleId, PatientHistory indicated) =>
        new EarlierDefinition(ruleId, "1.8.0").Fires(Item9Recorded(indicated)).Edge(Item9Recorded(indicated) with { SuicideRiskAssessedAfterItem9 = true })
            .Expect(ConditionContains(Item9Wording));

    /// <summary>
    /// QA272 F2's history: EU, MDD in an episode, no oral antidepressant, active ideation with suicidal intent, the safety net
    /// in place, every other safety and care item recorded, and preparatory acts or an aborted attempt left out.
    /// </summary>
    private static PatientHistory ActiveIdeationWithIntentBehaviourLeftOut() =>
        Suicidal(Suicidality.ActiveIdeation).WithSafetyItemsRecordedAbsent().WithCareItemsRecorded() with
        {
            Jurisdiction = Jurisdiction.Eu,
            OnOralAntidepressant = false,
            OralAntidepressantClass = null,
            SuicidalIntent = true,
            PreparatoryActsOrAbortedAttempt = null,
        };

    /// <summary>TRD with every blocking safety item and every care item recorded absent, blood pressure 120/80.</summary>
    private static PatientHistory CheckedTrd() => Trd().WithSafetyItemsRecordedAbsent().WithCareItemsRecorded();

    /// <summary>TRD under the EU label on an oral antidepressant of this class (or not recorded).</summary>
    private static PatientHistory EuTrdOn(OralAntidepressantClass? antidepressantClass, PatientHistory? trd = null) =>
        (trd ?? Trd()) with { Jurisdiction = Jurisdiction.Eu, OnOralAntidepressant = true, OralAntidepressantClass = antidepressantClass };

    private static PatientHistory ControlledPsychosis() => Trd() with { Psychosis = PsychosisStatus.HistoryControlled };

    /// <summary>"No suicidality" beside a positive PHQ-9 item 9 (total 15), the blocking safety items recorded absent.</summary>
    private static PatientHistory Item9BesideNone() => Adult().WithSafetyItemsRecordedAbsent() with { Phq9Total = 15, Phq9Item9 = 1 };

    /// <summary>"No suicidality" beside a positive PHQ-9 item 9 (total 12), every other safety and care item recorded, no assessment since.</summary>
    private static PatientHistory Item9Recorded(PatientHistory h) =>
        h.WithSafetyItemsRecordedAbsent().WithCareItemsRecorded() with { Phq9Total = 12, Phq9Item9 = 1, SuicideRiskAssessedAfterItem9 = null };

    /// <summary>Active ideation with a plan, no safety plan, no lethal-means counselling, no follow-up.</summary>
    private static PatientHistory PlanWithoutSafetyNet() =>
        Suicidal(Suicidality.ActiveIdeationWithPlan) with { SafetyPlanInPlace = false, LethalMeansCounselled = false, FollowUpArranged = false };

    /// <summary><see cref="PlanWithoutSafetyNet"/> with the other safety items recorded absent.</summary>
    private static PatientHistory ImminentWithoutSafetyNet() =>
        Suicidal(Suicidality.ActiveIdeationWithPlan).WithSafetyItemsRecordedAbsent() with { SafetyPlanInPlace = false, LethalMeansCounselled = false, FollowUpArranged = false };

    /// <summary>MDD with no current episode and no failed trial.</summary>
    private static PatientHistory NoEpisode() => Adult() with { CurrentDepressiveEpisode = false, FailedAdequateTrials = 0 };
}
