using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules;

/// <summary>
/// Every released rule set. A released version is never changed: a change to any rule makes a new version with its
/// own list, and the old list stays here so that a logged decision can be replayed under the rule set it was made
/// with (see docs/decisions/0002-rule-set-versions.md).
/// </summary>
public static class RuleSetCatalog
{
    /// <summary>Version 1.0.0, the first release.</summary>
    public static RuleSet V1_0_0 { get; } = new(
        "1.0.0",
        [
            new Trd.TreatmentResistantDepression(),
            new Trd.DifferentMechanismsNotShown(),
            new Trd.TrdCriteriaNotMet(),
            new Trd.UsTrdMonotherapyPermitted(),
            new EuLabel.EuTrdNeedsSsriOrSnri(),
            new EuLabel.EuTrdConfirmSsriOrSnri(),
            new OffLabel.OffLabelKetamineForTrd(),
            new OffLabel.OffLabelKetaminePreTreatmentAssessment(),
            new Suicide.AcuteSuicidalityInMdd(),
            new Suicide.SuicidalityPathwayNeedsOralAntidepressant(),
            new Suicide.SafetyPlanNeeded(),
            new Suicide.LethalMeansCounsellingNeeded(),
            new Suicide.ImmediateFollowUpNeeded(),
            new Suicide.DoesNotPreventSuicidalBehaviour(),
            new Suicide.ImminentRiskPrecautions(),
            new Suicide.PositivePhq9Item9WithoutRecordedSuicidality(),
            new Scores.Phq9BelowDepressionCutoff(),
            new Rems.CertifiedSettingRequired(),
            new Rems.PostDoseMonitoringRequired(),
            new Rems.NoDrivingUntilNextDay(),
            new Rems.NeverTakenHome(),
            new Bipolar.BipolarDepressionAdjunctOnly(),
            new Bipolar.BipolarWithoutMoodStabilizer(),
            new Bipolar.BipolarMoodStabilizerNotOptimized(),
            new Bipolar.CurrentManiaOrMixedFeatures(),
            new Bipolar.BipolarStabilizerOutsideEvidence(),
            new Bipolar.BipolarSwitchMonitoring(),
            new Bipolar.BipolarManiaNotRecorded(),
            new Psychosis.ActivePsychosis(),
            new Psychosis.ControlledPsychosisHistory(),
            new Psychosis.StopAtOncePlan(),
            new Vascular.AneurysmalVascularDisease(),
            new Vascular.ArteriovenousMalformation(),
            new Vascular.IntracerebralHemorrhageHistory(),
            new Hypersensitivity.HypersensitivityToKetamine(),
            new Cardiovascular.SeriousCardiovascularOrCerebrovascularCondition(),
            new Cardiovascular.ElevatedPreTreatmentBloodPressure(),
            new Hepatic.SevereHepaticImpairment(),
            new Hepatic.ModerateHepaticImpairment(),
            new Reproductive.Pregnancy(),
            new Reproductive.Breastfeeding(),
            new Reproductive.PregnancyPreventionCounselling(),
            new Substance.ActiveSubstanceUseDisorder(),
            new Substance.SubstanceUseDisorderInRemission(),
            new Medicines.Benzodiazepines(),
            new Medicines.Opioids(),
            new Medicines.PsychostimulantOrMaoi(),
            new Naltrexone.NaltrexoneCoPrescription(),
            new Pain.ChronicNeuropathicPain(),
            new Pain.OpioidInducedHyperalgesia(),
            new Palliative.PalliativePrognosisOfWeeks(),
            new Palliative.PalliativePrognosisBeyondWeeks(),
            new Investigational.PtsdOrOcdInvestigational(),
            new Biomarkers.BiomarkersResearchOnly(),
            new Age.UnderEighteen(),
            new Age.YoungAdultSuicidalityWarning(),
            new Age.EuOlderAdultStartingDose(),
        ],
        [
            new PathwayDefinition(Pathway.EsketamineTrd, "TRD-001"),
            new PathwayDefinition(Pathway.EsketamineSuicidalIdeation, "SUI-001"),
            new PathwayDefinition(Pathway.KetamineOffLabelTrd, "KET-001"),
            new PathwayDefinition(Pathway.BipolarAdjunct, "BIP-001"),
            new PathwayDefinition(Pathway.PalliativeRapidActing, "PAL-001"),
            new PathwayDefinition(Pathway.InvestigationalPtsdOcd, "INV-001", InvestigationalOnly: true),
        ]);

    /// <summary>
    /// Version 1.1.0: "not recorded" is never "no" (completeness rules and the incomplete status), and the clinical
    /// review's corrections, declared as a difference from 1.0.0 (docs/clinical-review.md).
    /// </summary>
    public static RuleSet V1_1_0 { get; } = BuildV1_1_0();

    /// <summary>
    /// Version 1.2.0: the second clinical review (docs/clinical-review.md, section 7). A result no longer reads "nothing
    /// calls for caution" while a care item is not recorded, while suicidality lacks its safety net, or while PHQ-9 item 9
    /// contradicts "no suicidality"; two rule texts are corrected against the sources.
    /// </summary>
    public static RuleSet V1_2_0 { get; } = V1_1_0.Next(
        "1.2.0",
        add:
        [
            new Suicide.SafetyNetIncomplete(),
        ],
        replace:
        [
            // Care items not recorded: from requirements to cautions, texts unchanged.
            new Cardiovascular.BloodPressureNotRecordedCallsForCaution(),
            new Hepatic.HepaticStatusNotRecordedCallsForCaution(),
            new Medicines.MedicinesNotRecordedCallsForCaution(),
            new Completeness.OtherSafetyHistoryNotRecordedCallsForCaution(),
            new Substance.SubstancesNotRecordedCallsForCaution(),
            // A positive PHQ-9 item 9 with "no suicidality" recorded: a high caution.
            new Suicide.PositivePhq9Item9CallsForCaution(),
            // Texts corrected against the sources: the alcohol use disorder trial enrolled that population; palliative use is off-label (D9).
            new Substance.ActiveSubstanceUseDisorderDefersAlcoholEvidence(),
            new Palliative.PalliativePrognosisOfWeeksOffLabel(),
        ]);

    /// <summary>
    /// Version 1.3.0: the fifth QA pass (docs/clinical-review.md, sections 8 and 9). Other cardiovascular or
    /// cerebrovascular disease calls for caution (a new field); a combination the label requires and the history does not
    /// show (no SSRI or SNRI under the EU label, no oral antidepressant for acute suicidal ideation) is a high caution,
    /// and a class not recorded a moderate one; a benzodiazepine dose above 8 mg diazepam-equivalent calls for a high
    /// caution on its cited studies; SUI-013's summary agrees with its kind.
    /// </summary>
    public static RuleSet V1_3_0 { get; } = V1_2_0.Next(
        "1.3.0",
        add:
        [
            new Cardiovascular.OtherCardiovascularOrCerebrovascularDisease(),
            new EuLabel.EuOralAntidepressantClassNotRecorded(),
            new Medicines.BenzodiazepineAboveEightMg(),
        ],
        replace:
        [
            new Completeness.OtherSafetyHistoryAndCardiovascularNotRecorded(),
            new EuLabel.EuTrdOralAntidepressantNotSsriOrSnri(),
            new Medicines.BenzodiazepineSedation(),
            // The label's combination not met: from requirements to high cautions, texts unchanged (section 7's open call 2).
            new EuLabel.EuTrdNeedsSsriOrSnriCallsForCaution(),
            new Suicide.SuicidalityPathwayNeedsOralAntidepressantCallsForCaution(),
            // Its summary said "do not treat until" while its kind, a caution, leaves the pathway open (section 7's note).
            new Suicide.SafetyNetIncompleteBeforeFirstSession(),
        ]);

    /// <summary>
    /// Version 1.4.0: the seventh QA pass and the review of its draft (docs/clinical-review.md, section 11). One input gives
    /// one instruction: at or above 180/110 mmHg CV-003 defers the session and CV-002's "weigh delaying" is not listed beside
    /// it; where SUI-009 closes every pathway, SUI-013's "or record why not" is not listed beside it.
    /// </summary>
    public static RuleSet V1_4_0 { get; } = V1_3_0.Next(
        "1.4.0",
        replace:
        [
            new Cardiovascular.ElevatedBloodPressureBelowDeferral(),
            new Suicide.SafetyNetIncompleteUnlessImminentRiskCloses(),
        ]);

    /// <summary>
    /// Version 1.5.0: the clinical audit QA10b (docs/clinical-review.md, section 13). Recent suicidal behaviour (an aborted or
    /// interrupted attempt, or preparatory acts, within 3 months) counts as behaviour for the suicidal-ideation pathway, and
    /// every rule that names that pathway's indication agrees with it, REC-002 included (C2); the US and EU indications are
    /// each attributed to their label, the REMS is worded as the US programme this clinic applies everywhere, and EU-004
    /// names the EU's "psychiatric emergency" (C1); texts with no source are reworded or marked as the app's suggestion
    /// (C3, C4, C5).
    /// </summary>
    public static RuleSet V1_5_0 { get; } = BuildV1_5_0();

    /// <summary>
    /// Version 1.6.0: the thirteenth QA pass (QA13 L5; docs/clinical-review.md, section 14). SCR-002, SCR-001's mirror: a
    /// PHQ-9 total at or above SCR-001's cut-off with no current depressive episode recorded is no longer accepted in
    /// silence; an information finding asks to check the episode answer against the score. Nothing else changes.
    /// </summary>
    public static RuleSet V1_6_0 { get; } = V1_5_0.Next(
        "1.6.0",
        add:
        [
            new Scores.Phq9AtOrAboveCutoffWithoutEpisode(),
        ]);

    /// <summary>
    /// Version 1.7.0: the QA pass QA108 (F2; docs/clinical-review.md, section 15). A caution that is one indication's label
    /// condition marks only that pathway: the EU's SSRI or SNRI for esketamine for TRD (EU-001, EU-002, EU-003) no longer
    /// marks the off-label ketamine, palliative or suicidal-ideation pathways, and the oral antidepressant of the
    /// suicidal-ideation indication (SUI-002) and its EU emergency wording (EU-004) no longer mark the TRD pathways. Every
    /// finding and text is unchanged; the overall verdict still counts every caution.
    /// </summary>
    public static RuleSet V1_7_0 { get; } = V1_6_0.Next(
        "1.7.0",
        replace:
        [
            new EuLabel.EuTrdNeedsSsriOrSnriEsketamineTrdOnly(),
            new EuLabel.EuTrdOralAntidepressantNotSsriOrSnriEsketamineTrdOnly(),
            new EuLabel.EuOralAntidepressantClassNotRecordedEsketamineTrdOnly(),
            new EuLabel.EuPsychiatricEmergencySuicidalIdeationPathwayOnly(),
            new Suicide.SuicidalityPathwayNeedsOralAntidepressantItsPathwayOnly(),
        ],
        policy: DecisionPolicy.V1_7Text);

    /// <summary>
    /// Version 1.8.0: the QA passes QA128 (F5) and QA137 (F2; docs/clinical-review.md, section 16). "No suicidality" recorded
    /// beside a positive PHQ-9 item 9 no longer settles the suicide-risk questions: until a suicide-risk assessment since is
    /// recorded (a new field), every pathway is incomplete and the suicidal-ideation pathway cannot yet be ruled out; SUI-008
    /// asks for the assessment and stands while it is recorded as not done.
    /// </summary>
    public static RuleSet V1_8_0 { get; } = BuildV1_8_0();

    /// <summary>
    /// Version 1.9.0: the clinical QA pass QA148 (docs/clinical-review.md, section 17). Recorded suicidality below imminent
    /// risk is a caution (SUI-014); a recorded history of hypertensive encephalopathy (CV-005) and moderate hepatic
    /// impairment (HEP-002) are cautions, never more reassuring than the same question unanswered; under the EU label, a TRD
    /// patient with no PHQ-9 total of 10 or more recorded is marked on the esketamine-trd pathway (EU-005); SUI-008 says
    /// "recorded as none".
    /// </summary>
    public static RuleSet V1_9_0 { get; } = V1_8_0.Next(
        "1.9.0",
        add:
        [
            new Suicide.SuicidalityBelowImminentRisk(),
            new EuLabel.EuTrdModerateToSevereEpisodeNotShown(),
        ],
        replace:
        [
            new Cardiovascular.HypertensiveEncephalopathyHistoryCallsForCaution(),
            new Hepatic.ModerateHepaticImpairmentCallsForCaution(),
            new Suicide.PositivePhq9Item9RecordedAsNone(),
        ]);

    /// <summary>
    /// Version 1.10.0 (QA148 F9, F10; docs/clinical-review.md, section 18): four information findings for answers that disagree or
    /// a diagnosis answer that hides the TRD pathways, each accepted in silence before. None changes a verdict.
    /// </summary>
    public static RuleSet V1_10_0 { get; } = V1_9_0.Next(
        "1.10.0",
        add:
        [
            new Suicide.SuicidalIdeationWithItem9None(),
            new Trd.FailedTrialsWithoutCurrentEpisode(),
            new Trd.FailedTrialsWithNoMechanism(),
            new Investigational.PtsdOrOcdWithTrdHistory(),
        ]);

    /// <summary>
    /// Version 1.11.0 (QA137 F5; docs/clinical-review.md, section 19): six rule details that sent the clinician to a repository
    /// file ("docs/rules.md", and SUB-001's "ADR 0002") point to "To verify" on the app's Rules page instead. Only that
    /// pointer changes: every condition, kind, severity, citation and the rest of each text is 1.10.0's, each rule being
    /// declared as 1.10.0's reworded (<see cref="Rule.Reworded"/>).
    /// </summary>
    public static RuleSet V1_11_0 { get; } = V1_10_0.Next(
        "1.11.0",
        replace:
        [
            V1_10_0["SUI-003"].Reworded(detail:
                "For a patient with suicidal thoughts the source document pairs treatment with a safety plan, restriction of lethal means and immediate follow-up. A safety plan is standard suicide-care practice (its specific source is not yet confirmed: see To verify on the Rules page)."),
            V1_10_0["CV-003"].Reworded(detail:
                "Ketamine and esketamine raise blood pressure, with a peak about 40 minutes after the dose. The label leaves the decision to delay above 140/90 to the clinician (CV-002); at or above 180/110 this clinic policy defers the session. The 180/110 threshold is a clinic-policy choice, not a number from the label (to verify with the clinic: see To verify on the Rules page); a different threshold is a new rule-set version, so every decision stays replayable."),
            V1_10_0["CV-006"].Reworded(detail:
                "A rise in blood pressure soon after a myocardial infarction or a stroke can be dangerous. The EU product information is reported to list a cardiovascular event within the previous 6 weeks, myocardial infarction included, as a contraindication (not yet confirmed in the text read: see To verify on the Rules page), where the US label asks for a careful benefit-risk decision. The safer reading blocks treatment now in every jurisdiction, and counts a recent stroke as such an event too."),
            V1_10_0["CV-007"].Reworded(detail:
                "Respiratory depression has been reported after esketamine, and the current label asks for pulse oximetry at every session; that lung disease or sleep apnoea raises the risk is this app's reading, not yet confirmed (see To verify on the Rules page). The EU product information asks that patients with clinically significant or unstable respiratory conditions be treated where resuscitation equipment and trained staff are at hand."),
            V1_10_0["AGE-003"].Reworded(detail:
                "EU labelling starts patients aged 65 or over at 28 mg on day 1 for TRD. Whether the US label has a separate starting dose for this age group is not confirmed (see To verify on the Rules page)."),
            V1_10_0["SUB-001"].Reworded(detail:
                "Esketamine carries a boxed warning on abuse and misuse, and the pain consensus advises against serial ketamine infusions during active substance abuse. The evidence is not uniform: the IV ketamine trial in depression with alcohol use disorder excluded other recent substance use disorders but enrolled patients with alcohol use disorder (whether the pivotal esketamine trials excluded active use is not yet confirmed: see To verify on the Rules page). The candidate rule set marks this as hold-or-defer; the safer reading, which this app takes for every defer state, blocks every pathway now until the disorder is treated."),
        ]);

    /// <summary>
    /// Version 1.12.0 (QA157 F5; docs/clinical-review.md, section 20): rule texts that used "shown" or "show" for what the
    /// history records, which a clinician can read as "not displayed". TRD-002's summary says the history does not record
    /// failed trials of at least two different mechanisms; SUI-001's summary says an answer that could still "establish"
    /// the indication, and its condition and detail say suicidality "recorded as none" where they said "no suicidality
    /// recorded" (a blank, by the app's own words; SUI-008 was corrected so in 1.9.0); EU-005's detail says the screening
    /// "records" no severity. Only those words change: every condition, kind, severity, citation and the rest of each text
    /// is 1.11.0's, each rule being declared as 1.11.0's reworded (<see cref="Rule.Reworded"/>).
    /// </summary>
    public static RuleSet V1_12_0 { get; } = V1_11_0.Next(
        "1.12.0",
        replace:
        [
            V1_11_0["TRD-002"].Reworded(summary:
                "The history does not record failed trials of at least two different mechanisms (the source document's stricter TRD reading)."),
            V1_11_0["SUI-001"].Reworded(
                summary:
                "Major depression with acute suicidal ideation or recent suicidal behaviour (or an answer that could still establish them is not recorded): the esketamine pathway for this indication applies or cannot yet be ruled out.",
                conditionText:
                "Major depressive disorder in a current depressive episode with active suicidal ideation (with or without a plan), a suicide attempt in the last 3 months, or, with any suicidality recorded, preparatory acts or an aborted or interrupted attempt in the last 3 months; or, so that the pathway cannot yet be ruled out (REC-002), passive ideation with that last answer not recorded, or suicidality recorded as none while PHQ-9 item 9 is 1 or more and no suicide-risk assessment since is recorded.",
                detail:
                "The two labels word this indication differently. The US label approves intranasal esketamine, together with an oral antidepressant, for depressive symptoms in adults with major depression and acute suicidal ideation or behaviour. The EU Summary of Product Characteristics gives it, together with oral antidepressant therapy, as acute short-term treatment of a moderate to severe depressive episode that is a psychiatric emergency (EU-004). Its value here is speed: it can reduce depressive symptoms within hours, while standard antidepressants take weeks. Suicidal behaviour is C-SSRS item 6, counted within the last 3 months; this app counts an attempt, an aborted or interrupted attempt, or preparatory acts, as the form asks. Passive ideation with such behaviour recorded as absent does not open this pathway; with it not recorded, the pathway stays incomplete (REC-002) until it is. In the same way, suicidality recorded as none beside a positive PHQ-9 item 9 does not rule the pathway out until a suicide-risk assessment since is recorded (SUI-008)."),
            V1_11_0["EU-005"].Reworded(detail:
                "The EU Summary of Product Characteristics gives esketamine for TRD in the current moderate to severe depressive episode. A PHQ-9 total below 10 is in the minimal (0-4) or mild (5-9) band; with none recorded, the screening records no severity at all. Whether this episode is moderate to severe is the psychiatrist's judgement."),
        ]);

    /// <summary>
    /// Version 1.13.0 (docs/clinical-review.md, section 21): the rest of 1.12.0's correction. Texts that said "no X (is)
    /// recorded" where the answer is recorded as "no" or "none", which a clinician reads as a blank (the opposite, in this
    /// app's words), say "recorded as none" or "recorded as absent": the condition in words of the completeness rules REC-001
    /// to REC-006 (suicidality "recorded as none" beside a positive PHQ-9 item 9, as SUI-008 says since 1.9.0), SCR-002 and
    /// TRD-005 (a current depressive episode "recorded as absent"). The converse too: SUI-001's condition said "no
    /// suicide-risk assessment since is recorded" for an assessment not recorded, and SUI-009's condition glossed "none of
    /// the safety net recorded as in place" as "no safety plan, …", where a blank counts as well. Only those words change:
    /// every condition, kind, severity, citation and the rest of each text is 1.12.0's, each rule being declared as 1.12.0's
    /// reworded (<see cref="Rule.Reworded"/>).
    /// </summary>
    public static RuleSet V1_13_0 { get; } = V1_12_0.Next(
        "1.13.0",
        replace:
        [
            .. V1_12_0.Pathways.Select(p => V1_12_0[p.CompletenessRuleId!]).Select(rec => rec.Reworded(conditionText: rec.ConditionText.Replace(
                Completeness.PathwayCompleteness.Item9AssessmentWaitedForText, Completeness.PathwayCompleteness.Item9AssessmentWaitedForTextRecordedAsNone, StringComparison.Ordinal))),
            V1_12_0["SCR-002"].Reworded(
                summary:
                "PHQ-9 total is 10 or more although a current depressive episode is recorded as absent: check the episode answer against the PHQ-9 total.",
                conditionText:
                "A current depressive episode is recorded as absent but the PHQ-9 total is 10 or more.",
                detail:
                "A PHQ-9 total of 10 or more is the usual cutoff for major depression. The episode answer and the score recorded here do not agree; this app suggests checking both, because every depression pathway in this app needs a current episode recorded as present."),
            V1_12_0["TRD-005"].Reworded(
                summary:
                "Failed trials in the current episode are recorded, but a current depressive episode is recorded as absent: check both answers.",
                conditionText:
                "A current depressive episode is recorded as absent, and one or more failed adequate antidepressant trials in the current episode are recorded.",
                detail:
                "The failed trials asked for are those of the current episode, as the TRD definitions count them. With the current episode recorded as absent, every depression pathway in this app stays closed. If the patient is in an episode, correct the episode answer; if not, trials of an earlier episode do not count here."),
            V1_12_0["SUI-001"].Reworded(conditionText:
                "Major depressive disorder in a current depressive episode with active suicidal ideation (with or without a plan), a suicide attempt in the last 3 months, or, with any suicidality recorded, preparatory acts or an aborted or interrupted attempt in the last 3 months; or, so that the pathway cannot yet be ruled out (REC-002), passive ideation with that last answer not recorded, or suicidality recorded as none while PHQ-9 item 9 is 1 or more and the suicide-risk assessment since is not recorded."),
            V1_12_0["SUI-009"].Reworded(conditionText:
                "Imminent suicide risk (SUI-007) and none of the safety net is recorded as in place: the safety plan, lethal-means counselling and follow-up are each recorded as not in place or not recorded."),
        ]);

    /// <summary>
    /// Version 1.14.0 (QA184 F3; docs/clinical-review.md, section 22): while the suicidal-ideation pathway cannot yet be ruled
    /// out (SUI-001 since 1.8.0: passive ideation with recent behaviour not recorded, or "none" beside a positive PHQ-9 item
    /// 9 with no assessment since recorded), the rules that say what an indicated pathway needs fire for it too: the care
    /// items not recorded (blood pressure CV-004, hepatic status HEP-003, medicines MED-005, the other safety history
    /// SAF-001), the REMS requirements (REMS-001 to REMS-004) and BIO-001. Before, the pathway showed as waiting while those
    /// stayed unlisted until the next screening. They add findings only where no other pathway is indicated, so no
    /// verdict or pathway status changes. Each rule is 1.13.0's restated (<see cref="Rule.Restated"/>): only its condition
    /// and its condition in words change.
    /// </summary>
    public static RuleSet V1_14_0 { get; } = V1_13_0.Next(
        "1.14.0",
        replace:
        [
            .. WhatAWaitingPathwayNeeds(V1_13_0, Indications.AnyIndicationOrNotRuledOut, AnyPathwayOrNotRuledOut),
            V1_13_0["REMS-001"].Restated(Indications.AnyEsketamineOrNotRuledOut, EsketaminePathwayOrNotRuledOut),
            V1_13_0["REMS-004"].Restated(Indications.AnyEsketamineOrNotRuledOut, EsketaminePathwayOrNotRuledOut),
        ]);

    /// <summary>
    /// Version 1.15.0 (helper 195's clinical QA; docs/clinical-review.md, section 25): TRD-007, information, is added. With
    /// "other" as the primary diagnosis, a current depressive episode and two or more failed trials, the screening read "not
    /// indicated" with no finding at all; TRD-007 says that the TRD pathways need major depressive disorder as the primary
    /// diagnosis, as INV-002 does for PTSD or OCD. Nothing else changes: no verdict, pathway status or other finding.
    /// </summary>
    public static RuleSet V1_15_0 { get; } = V1_14_0.Next(
        "1.15.0",
        add: [new Trd.OtherDiagnosisWithTrdHistory()]);

    /// <summary>
    /// Version 1.16.0 (helper 199; docs/clinical-review.md, section 26, answering Question D of section 24): as a difference
    /// from 1.15.0, an unrecorded life-limiting illness is never read as "no". With a current depressive episode and the
    /// illness not recorded, the palliative pathway cannot yet be ruled out, as SUI-001 says since 1.5.0 and 1.8.0 of its own
    /// pathway: PAL-001 (<see cref="Palliative.PalliativeWeeksOrNotRuledOut"/>) holds then too, with texts that say "applies
    /// or cannot yet be ruled out" rather than "a prognosis of weeks"; REC-005, built again, also waits for the illness itself
    /// (1.13.0's words for the item-9 assessment kept); and the rules that say what a waiting pathway needs (BIO-001, CV-004,
    /// HEP-003, MED-005, REMS-002, REMS-003, SAF-001, restated in 1.14.0 for the suicidal-ideation pathway) and KET-002 (what
    /// a racemic ketamine pathway needs) are restated (<see cref="Rule.Restated"/>) to fire while it waits. REMS-001 and
    /// REMS-004 (esketamine only) are not. Before, such a history read "not indicated" (TRD-003) like one whose illness is
    /// recorded as absent. Verdicts change only from not-indicated to incomplete or not-eligible-now, and only where the
    /// episode is recorded and the illness is not.
    /// </summary>
    public static RuleSet V1_16_0 { get; } = BuildV1_16_0();

    /// <summary>
    /// Version 1.17.0 (helper 204; docs/clinical-review.md, section 28, answering Questions A and C of section 24): raised
    /// intraocular pressure, which the pain consensus lists beside raised intracranial pressure as a relative contraindication
    /// to IV ketamine (ASRA-KETAMINE-PAIN-2018), was asked nowhere, so a TRD history with every answer "no" read eligible
    /// whatever the eye. A new field (<c>raisedIntraocularPressure</c>, a software addition) and EYE-001, a moderate caution
    /// on every pathway when it is recorded yes (esketamine included, the safer reading); SAF-001
    /// (<see cref="Completeness.OtherSafetyHistoryAndIntraocularPressureNotRecorded"/>) also names it when it is not recorded,
    /// restated as 1.16.0's for a pathway that cannot yet be ruled out. 1.14.0's and 1.16.0's SAF-001 are unchanged. SUI-012 is
    /// reworded (Question C): it asked to "record intent" after passive ideation, where the C-SSRS does not ask intent; it now
    /// asks for what is missing.
    /// </summary>
    public static RuleSet V1_17_0 { get; } = V1_16_0.Next(
        "1.17.0",
        add: [new Ocular.RaisedIntraocularPressure()],
        replace:
        [
            new Completeness.OtherSafetyHistoryAndIntraocularPressureNotRecorded().Restated(
                All(Indications.AnyIndicationOrAPathwayNotRuledOut, Any(NotRecorded(Fields.OtherCardiovascularOrCerebrovascularDisease), NotRecorded(Fields.RespiratoryDiseaseOrSleepApnea), NotRecorded(Fields.HypertensiveEncephalopathyHistory), NotRecorded(Fields.CognitiveImpairment), NotRecorded(Fields.UrinaryTractSymptoms), NotRecorded(Fields.RaisedIntraocularPressure), All(Indications.NotRecordedAsMale, NotRecorded(Fields.Breastfeeding)))),
                AnyPathwayOrAPathwayNotRuledOut + ", and any of other cardiovascular or cerebrovascular disease, respiratory disease or sleep apnoea, hypertensive encephalopathy, cognitive impairment, urinary tract symptoms, raised intraocular pressure, or (sex at birth not recorded as male) breastfeeding is not recorded."),
            // Question C of section 24: intent is asked only after active ideation (C-SSRS skip logic), so SUI-012 asks for what is missing.
            V1_16_0["SUI-012"].Reworded(
                summary:
                "Suicide risk not fully assessed: record what is missing (intent, asked after active ideation; preparatory acts or an aborted attempt) with the C-SSRS before treatment.",
                conditionText:
                "Some suicidality is recorded and whether the risk is imminent cannot be decided: suicidal intent (asked after active ideation) or preparatory acts or an aborted or interrupted attempt are not recorded.",
                detail:
                "Until the answers that decide it are recorded, imminent risk (SUI-007) can be neither confirmed nor ruled out; a blank answer is never read as no. The C-SSRS screen asks intent only after active ideation, and recent suicidal behaviour (preparatory acts, an aborted or interrupted attempt) after any answer: record the ones that were asked and are missing."),
        ]);

    /// <summary>
    /// Version 1.18.0 (helper 211; docs/clinical-review.md, section 30, answering Questions E and F of section 24). F: MED-001
    /// ("record it on the REMS monitoring form") and MED-004 told the clinician to record medicines on a form that exists only
    /// for esketamine in the US, in an EU screening and where only racemic ketamine pathways are open; they now say to note
    /// them in the monitoring record and, for esketamine in the US, on the SPRAVATO REMS Patient Monitoring Form. MED-005's
    /// and NAL-002's details, which said what "the REMS monitoring form" asks, name it so too, and MED-005's no longer says
    /// that the form asks for naltrexone. Each is 1.17.0's reworded (<see cref="Rule.Reworded"/>). E: BIP-001 and INV-001
    /// (<see cref="Bipolar.BipolarDepressionAdjunctOnlyRemsIfEsketamine"/>, <see cref="Investigational.PtsdOrOcdInvestigationalRemsIfEsketamine"/>,
    /// new classes since they cite the REMS) say, as PAL-001 does of its pathway, that the REMS still applies if esketamine
    /// is chosen off-label. No condition, kind, severity, pathway or verdict changes.
    /// </summary>
    public static RuleSet V1_18_0 { get; } = V1_17_0.Next(
        "1.18.0",
        replace:
        [
            // Question F of section 24: the REMS Patient Monitoring Form is the US esketamine programme's; the record is kept everywhere.
            V1_17_0["MED-001"].Reworded(
                summary:
                "Benzodiazepine co-medication: more sedation; monitor closely and record it (REMS form for US esketamine).",
                detail:
                "CNS depressants such as benzodiazepines add to esketamine's sedation; for esketamine in the US the SPRAVATO REMS Patient Monitoring Form asks about them, and this app asks that they be noted in the monitoring record in every setting. Above 8 mg diazepam-equivalent a day a second caution weighs a possibly weaker antidepressant effect (MED-006)."),
            V1_17_0["MED-004"].Reworded(detail:
                "The label warns that CNS depressants such as benzodiazepines, opioids and alcohol increase sedation, and that respiratory depression has been observed; monitor sedation and breathing with pulse oximetry, and note these medicines in the monitoring record (for esketamine in the US, on the SPRAVATO REMS Patient Monitoring Form)."),
            V1_17_0["MED-005"].Reworded(detail:
                "Opioids, benzodiazepines and other CNS depressants add sedation and respiratory depression, psychostimulants and MAOIs add to the rise in blood pressure, and naltrexone may blunt the response; for esketamine in the US the SPRAVATO REMS Patient Monitoring Form also asks for the sedating and blood-pressure-raising ones. The ones listed are not recorded and so cannot be weighed."),
            V1_17_0["NAL-002"].Reworded(detail:
                "Naltrexone blocks opioids, so the two together may mean an error in the list, opioid analgesia that will not work, or a risk of withdrawal or, if the blockade is overridden, of overdose. Clarify the regimen with the prescribers; for esketamine in the US the SPRAVATO REMS Patient Monitoring Form also asks for opioids."),
            // Question E of section 24: the REMS still applies if esketamine is chosen off-label, as PAL-001 says of its pathway.
            new Bipolar.BipolarDepressionAdjunctOnlyRemsIfEsketamine(),
            new Investigational.PtsdOrOcdInvestigationalRemsIfEsketamine(),
        ]);

    /// <summary>
    /// Version 1.19.0 (helper 233, a psychiatrist's QA of 1.18.0; docs/clinical-review.md, section 31). PAL-001 no longer
    /// names two situations in one title: from 1.16.0 its summary read "A life-limiting illness with a prognosis of weeks (or a
    /// life-limiting illness is not recorded): … applies or cannot yet be ruled out" on a real palliative case too. It is
    /// again 1.2.0's rule (<see cref="Palliative.PalliativePrognosisOfWeeksOffLabel"/>: a prognosis of weeks, its texts as
    /// released then), and PAL-003 (<see cref="Palliative.PalliativeNotRuledOut"/>, new) says that the palliative pathway
    /// cannot yet be ruled out while the illness is not recorded, standing for the pathway's indication then
    /// (<see cref="PathwayDefinition.NotRuledOutRuleId"/>), so every verdict and pathway status is 1.18.0's. BIP-008's detail
    /// said "the caution stays on every open bipolar-adjunct pathway", also where none is open (BIP-003 closes every pathway)
    /// and although the caution marks every open pathway: it now says what holds wherever it fires (1.18.0's reworded). The
    /// rules restated in 1.16.0 for the waiting palliative pathway (BIO-001, CV-004, HEP-003, KET-002, MED-005, REMS-002,
    /// REMS-003, SAF-001) name PAL-003 rather than PAL-001 in their condition in words (reworded; their conditions unchanged).
    /// </summary>
    public static RuleSet V1_19_0 { get; } = V1_18_0.Next(
        "1.19.0",
        add: [new Palliative.PalliativeNotRuledOut()],
        replace:
        [
            new Palliative.PalliativePrognosisOfWeeksOffLabel(),
            V1_18_0["BIP-008"].Reworded(detail:
                "The source document asks for caution in every case of bipolar depression, because the excitatory effect of ketamine carries a risk of switching into mania. In the controlled studies, all on lithium or valproate, manic symptoms were rare and as frequent as on placebo, so the size of the risk is uncertain and the data are limited (discrepancy D5). This app raises the caution whenever bipolar depression is recorded: it marks every pathway that is open, and it stands even where another finding closes every pathway for now."),
            // The rules restated in 1.16.0 to fire while the palliative pathway waits named PAL-001 as the rule that says so; it is PAL-003 now.
            .. new[] { "BIO-001", "CV-004", "HEP-003", "KET-002", "MED-005", "REMS-002", "REMS-003", "SAF-001" }
                .Select(id => V1_18_0[id].Reworded(conditionText: V1_18_0[id].ConditionText.Replace("(PAL-001)", "(PAL-003)", StringComparison.Ordinal))),
        ],
        pathways: [.. V1_18_0.Pathways.Select(p => p.Pathway == Pathway.PalliativeRapidActing ? p with { NotRuledOutRuleId = "PAL-003" } : p)]);

    /// <summary>
    /// The rules of 1.19.0 whose condition in words names SUI-001 as the rule that says the suicidal-ideation pathway cannot
    /// yet be ruled out (restated in 1.14.0 and 1.16.0 to fire while it waits); 1.20.0 names SUI-016 there. Declared before
    /// <see cref="V1_20_0"/>, which reads it: static properties are initialised in the order they are written.
    /// </summary>
    public static IReadOnlyList<string> SuicidalIdeationNotRuledOutPointers { get; } =
        ["BIO-001", "CV-004", "HEP-003", "MED-005", "REMS-001", "REMS-002", "REMS-003", "REMS-004", "SAF-001"];

    /// <summary>
    /// Version 1.20.0 (helper 239; docs/clinical-review.md, section 32). SUI-001 no longer names two situations in one title,
    /// the defect 1.19.0 mended for PAL-001: since 1.12.0 its summary read "Major depression with acute suicidal ideation or
    /// recent suicidal behaviour (or an answer that could still establish them is not recorded): … applies or cannot yet be
    /// ruled out" on a real case of active ideation too. It now says only the indication
    /// (<see cref="Suicide.AcuteSuicidalIdeationOrRecentBehaviourIndicationOnly"/>: 1.5.0's indication), and SUI-016
    /// (<see cref="Suicide.SuicidalIdeationPathwayNotRuledOut"/>, new; SUI-001's kind, severity and citations) says that the
    /// suicidal-ideation pathway cannot yet be ruled out while an answer that decides it is not recorded, standing for the
    /// pathway's indication then (<see cref="PathwayDefinition.NotRuledOutRuleId"/>), so every verdict and pathway status is
    /// 1.19.0's. The nine rules whose condition in words named SUI-001 as the rule that says the pathway cannot yet be ruled
    /// out (BIO-001, CV-004, HEP-003, MED-005, REMS-001 to REMS-004, SAF-001) name SUI-016 (reworded; conditions unchanged).
    /// PAL-001's detail said "if esketamine is chosen, the REMS monitoring still applies" with no REMS source and nothing of
    /// the jurisdiction; it now says it as BIP-001 and INV-001 do since 1.18.0 and cites the REMS
    /// (<see cref="Palliative.PalliativePrognosisOfWeeksRemsIfEsketamine"/>).
    /// </summary>
    public static RuleSet V1_20_0 { get; } = V1_19_0.Next(
        "1.20.0",
        add: [new Suicide.SuicidalIdeationPathwayNotRuledOut()],
        replace:
        [
            new Suicide.AcuteSuicidalIdeationOrRecentBehaviourIndicationOnly(),
            new Palliative.PalliativePrognosisOfWeeksRemsIfEsketamine(),
            // The rules that fire while the suicidal-ideation pathway waits named SUI-001 as the rule that says so; it is SUI-016 now.
            .. SuicidalIdeationNotRuledOutPointers
                .Select(id => V1_19_0[id].Reworded(conditionText: V1_19_0[id].ConditionText.Replace("(SUI-001)", "(SUI-016)", StringComparison.Ordinal))),
        ],
        pathways: [.. V1_19_0.Pathways.Select(p => p.Pathway == Pathway.EsketamineSuicidalIdeation ? p with { NotRuledOutRuleId = "SUI-016" } : p)]);

    /// <summary>
    /// Version 1.21.0 (helper 249; docs/clinical-review.md, section 33): three texts a psychiatrist's QA read as wrong.
    /// TRD-003 said "Standard next-step antidepressant treatment comes first" on the same page as PAL-001 ("a conventional
    /// antidepressant may act too late, so a rapid-acting treatment is reasonable") or SUI-001 (the esketamine pathway for
    /// acute suicidal ideation applies): two opposite instructions. It no longer fires where PAL-001's or SUI-001's
    /// indication holds (the TRD pathways' status still reads "not applicable"; a blank answer that keeps those pathways
    /// waiting does not count as holding, so it still fires then), and its detail confines "comes first" to the TRD pathways
    /// and says the two rapid-acting pathways do not depend on failed trials. SUI-013's detail explained the rule engine ("SUI-009
    /// closes every pathway and this caution is not listed beside it"); it now says what SUI-009 says clinically. PAL-001's
    /// detail said "(discrepancy D9)" twice; it says it once. Each is 1.20.0's reworded (<see cref="Rule.Reworded"/>); TRD-003
    /// is restated too (<see cref="Rule.Restated"/>). Verdicts and pathway statuses are 1.20.0's.
    /// </summary>
    public static RuleSet V1_21_0 { get; } = V1_20_0.Next(
        "1.21.0",
        replace:
        [
            V1_20_0["TRD-003"]
                .Restated(
                    All(V1_20_0["TRD-003"].Condition, NoneHolds(Indications.PalliativeWeeks, Indications.SuicidalMddWithRecentBehaviour)),
                    "Major depressive disorder in a current depressive episode with fewer than two failed adequate antidepressant trials in this episode, and neither a life-limiting illness with a prognosis of 8 weeks or less (PAL-001) nor acute suicidal ideation or recent suicidal behaviour (SUI-001) recorded.")
                .Reworded(detail:
                    "Fewer than two adequate trials (adequate dose, at least 4 weeks) without response are recorded for the current episode. This concerns the TRD pathways only: for them, standard next-step antidepressant treatment comes first, and they open once two adequate trials have failed. The pathways for acute suicidal ideation or recent suicidal behaviour (SUI-001) and for a prognosis of weeks (PAL-001) do not depend on failed trials."),
            V1_20_0["SUI-013"].Reworded(detail: V1_20_0["SUI-013"].Detail.Replace(
                "With imminent risk and none of the three in place, SUI-009 closes every pathway and this caution is not listed beside it: the same-day evaluation comes first, and recording why the safety net is missing is not a way past it.",
                "If the risk is imminent and none of the three is in place, no ketamine or esketamine is given now: a same-day evaluation comes first (SUI-009), and recording why the safety net is missing is not a way past it.",
                StringComparison.Ordinal)),
            V1_20_0["PAL-001"].Reworded(detail: V1_20_0["PAL-001"].Detail.Replace(
                "The pathway is off-label (discrepancy D9): as with", "The pathway is off-label: as with", StringComparison.Ordinal)),
        ]);

    /// <summary>
    /// Version 1.22.0 (helper 253; docs/clinical-review.md, section 34): a finding's inputs name no question the form did not
    /// ask. SUI-014 ("suicidality recorded below imminent risk") read imminent risk as a negation, which names every input
    /// it reads: beside passive ideation its finding listed suicidal intent as not recorded, a question the form asks only
    /// with active ideation (psychiatrist QA, helper 247 finding 4), so the result's trace and the audit export told an
    /// auditor a question had been left blank that was never asked. Its condition now reads imminent risk as ruled out
    /// (<see cref="Conditions.Criteria.RuledOut"/>): it fires exactly where 1.21.0's does, and its finding names only the
    /// answers that rule imminent risk out (the suicidality; the intent when active ideation is recorded; the recent
    /// behaviour): never the intent beside passive ideation, blank or not. SUI-014 is 1.21.0's reexplained (<see cref="Rule.Reexplained"/>): its words are unchanged. No other rule
    /// of 1.21.0 names a question the form does not ask (<c>BecauseNamesOnlyAskedQuestionsTests</c>). Verdicts, pathway
    /// statuses and which rules fire are 1.21.0's.
    /// </summary>
    public static RuleSet V1_22_0 { get; } = V1_21_0.Next(
        "1.22.0",
        replace: [V1_21_0["SUI-014"].Reexplained(All(Indications.AnySuicidality, RuledOut(Indications.ImminentSuicideRisk)))]);

    /// <summary>
    /// The rules that fire where a pathway is indicated or a pathway cannot yet be ruled out, and the indication each reads in
    /// 1.22.0 and 1.23.0 (<see cref="V1_23_0"/>): what an indicated or waiting pathway needs (BIO-001, CV-004, HEP-003,
    /// MED-005, REMS-002, REMS-003, SAF-001), the esketamine REMS (REMS-001, REMS-004) and what a racemic ketamine pathway
    /// needs (KET-002). Declared before <see cref="V1_23_0"/>, which reads it.
    /// </summary>
    public static IReadOnlyList<(string RuleId, Condition Before, Condition After)> IndicatedOrWaitingRules { get; } =
    [
        .. new[] { "BIO-001", "CV-004", "HEP-003", "MED-005", "REMS-002", "REMS-003", "SAF-001" }
            .Select(id => (id, Indications.AnyIndicationOrAPathwayNotRuledOut, Indications.AnyIndicationOrElseAPathwayNotRuledOut)),
        ("REMS-001", Indications.AnyEsketamineOrNotRuledOut, Indications.AnyEsketamineOrElseNotRuledOut),
        ("REMS-004", Indications.AnyEsketamineOrNotRuledOut, Indications.AnyEsketamineOrElseNotRuledOut),
        ("KET-002", Indications.AnyRacemicKetamineOrPalliativeNotRuledOut, Indications.AnyRacemicKetamineOrElsePalliativeNotRuledOut),
    ];

    /// <summary>
    /// Version 1.23.0 (helper 266; docs/clinical-review.md, section 35), two findings of a psychiatrist's QA of 1.22.0.
    /// F4: the rules that fire where "a pathway is indicated, or a pathway cannot yet be ruled out" (<see cref="IndicatedOrWaitingRules"/>)
    /// named the waiting pathway's answers among their inputs even where a pathway is indicated: in a palliative history
    /// (PAL-001, its pathway open) with passive ideation and recent behaviour blank, BIO-001, CV-004, HEP-003, MED-005,
    /// REMS-002, REMS-003 and SAF-001 listed "preparatory acts: not recorded", which is not why they fire there (REMS-001,
    /// REMS-004 beside an esketamine pathway, KET-002 beside a racemic one with the illness blank, likewise). Each is 1.22.0's
    /// reexplained (<see cref="Rule.Reexplained"/>): the indication part of its condition reads "indicated, or else waiting"
    /// (<see cref="Indications.AnyIndicationOrElseAPathwayNotRuledOut"/> and its two siblings), which holds exactly where
    /// 1.22.0's does and names the waiting pathway's answers only where no pathway it reads is indicated; its words are
    /// unchanged. F2: TRD-001, SUI-001, SUI-016 and EU-004 said a pathway "opens" or "applies", and on a 16-year-old's "Not
    /// eligible" page TRD-001 said both TRD pathways were opened; they now say the pathway is applicable, subject to the
    /// contraindications and requirements (reworded; citations kept), and SUI-001's summary is shorter. Verdicts, pathway
    /// statuses and which rules fire are 1.22.0's.
    /// </summary>
    public static RuleSet V1_23_0 { get; } = V1_22_0.Next(
        "1.23.0",
        replace:
        [
            // F4: the waiting pathway's answers are named only where no pathway is indicated (conditions equivalent to 1.22.0's).
            .. WhatAnIndicatedOrWaitingPathwayNeeds(V1_22_0),
            // F2: a pathway is applicable, subject to the contraindications and requirements; it never "opens" on a finding.
            V1_22_0["TRD-001"].Reworded(detail: V1_22_0["TRD-001"].Detail.Replace(
                "This opens the esketamine TRD pathway and the off-label ketamine TRD pathway.",
                "This makes the esketamine TRD pathway and the off-label ketamine TRD pathway applicable, subject to the contraindications and requirements.",
                StringComparison.Ordinal)),
            V1_22_0["SUI-001"].Reworded(
                summary: "Acute suicidal ideation or recent suicidal behaviour in major depression: the esketamine pathway for it is applicable.",
                detail: V1_22_0["SUI-001"].Detail.Replace(
                    "Passive ideation with such behaviour recorded as absent does not open this pathway;",
                    "On this indication the pathway is applicable, subject to the contraindications and requirements. Passive ideation with such behaviour recorded as absent does not make it applicable;",
                    StringComparison.Ordinal)),
            V1_22_0["SUI-016"].Reworded(detail: V1_22_0["SUI-016"].Detail
                .Replace(
                    "Major depression with acute suicidal ideation or recent suicidal behaviour opens this pathway (SUI-001);",
                    "Major depression with acute suicidal ideation or recent suicidal behaviour makes this pathway applicable, subject to the contraindications and requirements (SUI-001);",
                    StringComparison.Ordinal)
                .Replace("or an assessment since recorded, does not open it.", "or an assessment since recorded, does not make it applicable.", StringComparison.Ordinal)),
            V1_22_0["EU-004"].Reworded(
                conditionText: "EU jurisdiction and the suicidal-ideation pathway is applicable (SUI-001).",
                detail: V1_22_0["EU-004"].Detail.Replace(
                    "The screening opens this pathway on the recorded ideation or behaviour;",
                    "The screening finds this pathway applicable on the recorded ideation or behaviour, subject to the contraindications and requirements;",
                    StringComparison.Ordinal)),
        ]);

    /// <summary>
    /// Version 1.24.0 (helper 270; docs/clinical-review.md, section 36): the wording 1.23.0 began (F2) finished. 1.23.0 left
    /// texts that still said a pathway "opens" or "applies" on its indication, or that a finding keeps a pathway "open", where
    /// whether a pathway is open is its status, decided by the contraindications and requirements too (section 35, "Not
    /// changed"). SUI-002's condition in words ("the suicidal-ideation pathway applies (SUI-001 …)") and REMS-001's and
    /// REMS-004's ("an esketamine pathway applies …") describe an indication (SUI-001's; TRD-001's or SUI-001's), or else
    /// the waiting suicidal-ideation pathway (SUI-016): they now say the pathway is applicable, naming the indication rules,
    /// as EU-004 does since 1.23.0. PAL-003's detail says a recorded absence "does not make it applicable" (as SUI-001 and
    /// SUI-016), TRD-003's that the TRD pathways become applicable once two adequate trials have failed, subject to the
    /// contraindications and requirements, TRD-007's that no TRD pathway is applicable; SUI-010's no longer says the pathway
    /// "stays open" (it is a caution, which does not close a pathway), and SUI-015's no longer says the disagreement "opens
    /// nothing" (the answer of 0 decides no pathway). Each is 1.23.0's reworded (<see cref="Rule.Reworded"/>): conditions,
    /// kinds, severities and citations unchanged, so verdicts, pathway statuses and which rules fire are 1.23.0's.
    /// </summary>
    public static RuleSet V1_24_0 { get; } = V1_23_0.Next(
        "1.24.0",
        replace:
        [
            V1_23_0["SUI-002"].Reworded(conditionText:
                "The suicidal-ideation pathway is applicable (SUI-001: acute suicidal ideation or recent suicidal behaviour) and the patient takes no oral antidepressant."),
            .. new[] { "REMS-001", "REMS-004" }.Select(id => V1_23_0[id].Reworded(conditionText:
                "An esketamine pathway is applicable (TRD-001: treatment-resistant depression; SUI-001: acute suicidal ideation or recent suicidal behaviour), or the suicidal-ideation pathway cannot yet be ruled out (SUI-016).")),
            V1_23_0["PAL-003"].Reworded(detail: V1_23_0["PAL-003"].Detail.Replace(
                "or a prognosis above 8 weeks (PAL-002), does not open it.",
                "or a prognosis above 8 weeks (PAL-002), does not make it applicable.",
                StringComparison.Ordinal)),
            V1_23_0["TRD-003"].Reworded(detail: V1_23_0["TRD-003"].Detail.Replace(
                "and they open once two adequate trials have failed.",
                "and they become applicable once two adequate trials have failed, subject to the contraindications and requirements.",
                StringComparison.Ordinal)),
            V1_23_0["TRD-007"].Reworded(detail: V1_23_0["TRD-007"].Detail.Replace(
                "no TRD pathway opens, whatever the trials.",
                "no TRD pathway is applicable, whatever the trials.",
                StringComparison.Ordinal)),
            V1_23_0["SUI-010"].Reworded(detail: V1_23_0["SUI-010"].Detail.Replace(
                "The pathway stays open only as a caution:",
                "This is a caution, which does not close the pathway:",
                StringComparison.Ordinal)),
            V1_23_0["SUI-015"].Reworded(detail: V1_23_0["SUI-015"].Detail.Replace(
                "so the disagreement opens nothing here;",
                "so the answer of 0 decides no pathway here;",
                StringComparison.Ordinal)),
        ]);

    /// <summary>
    /// Version 1.25.0 (helper 275; docs/clinical-review.md, section 37). QA272 F2, a clinical correction: REC-002 kept the
    /// suicidal-ideation pathway incomplete while preparatory acts or an aborted or interrupted attempt were not recorded,
    /// also beside active ideation with suicidal intent recorded. 1.5.0 added that item (docs/clinical-review-1.5.0.md, the
    /// REC-002 row) because, with active ideation and intent "no", whether the risk is imminent (SUI-007's same-day
    /// evaluation, SUI-011) turns on the answer; with intent recorded, the risk is imminent already
    /// (<see cref="Indications.ImminentSuicideRisk"/>), SUI-009 is decided by the safety net alone and the indication by the
    /// active ideation, so the answer decides nothing and the pathway waited for an answer that could not change it.
    /// REC-002 (<see cref="Completeness.PathwayCompleteness.WaitingForRecentBehaviourOnlyWhereItDecides"/>) now waits for it
    /// only with passive ideation, or with active ideation without a plan and intent not recorded as present; everything
    /// else of it (indication, contraindications, the intent item, the words but that item's) is 1.24.0's. QA272 F7:
    /// AGE-002's summary said "Aged 24 or under" where its condition is ages 18 to 24 (as reviewed): it says 18 to 24. TRD-003's
    /// summary said "the TRD pathways are closed", status words beside a "Not applicable" status: it says they are not
    /// applicable, as its detail and TRD-007 do since 1.24.0. Both reworded (<see cref="Rule.Reworded"/>).
    /// </summary>
    public static RuleSet V1_25_0 { get; } = BuildV1_25_0();

    /// <summary>
    /// Version 1.26.0 (helper 283; docs/clinical-review.md, section 38). QA281 F6, a duplicate high caution: with imminent
    /// suicide risk (SUI-007) and part of the safety net not recorded as in place, SUI-010 ("Imminent suicide risk and part of
    /// the safety net is missing: put it in place, or record why not, before the first session") and SUI-013 ("Suicidality
    /// without the whole safety net: put … in place, or record why not, before the first session") both fired, two high
    /// cautions giving one instruction for one input (docs/contributing.md, "One input gives one instruction"). SUI-013 is
    /// restated (<see cref="Rule.Restated"/>) to fire only where the answers recorded do not establish imminent risk:
    /// <c>noneholds(imminent risk)</c> in place of 1.4.0's <c>noneholds(SUI-009's condition)</c>. With imminent risk
    /// established, SUI-010 (part of the net missing) or SUI-009 (none of it in place) fires instead; where imminent risk is
    /// ruled out or left undecided by a blank answer (active ideation, intent not recorded), SUI-013 fires as in 1.25.0, since
    /// <see cref="Criteria.NoneHolds"/> does not count an undecided part and SUI-010 fires only where imminent risk holds. Its
    /// condition in words says so; its summary, detail, kind, severity and citations are 1.25.0's.
    /// </summary>
    public static RuleSet V1_26_0 { get; } = V1_25_0.Next(
        "1.26.0",
        replace:
        [
            V1_25_0["SUI-013"].Restated(
                All(Suicide.SafetyNetIncomplete.SafetyNetNotWhole, NoneHolds(Indications.ImminentSuicideRisk)),
                "Any suicidality is recorded, a safety plan, lethal-means counselling or immediate follow-up is not recorded as in place, and the answers recorded do not establish imminent risk (SUI-007): they rule it out or leave it undecided. With imminent risk, SUI-010 (part of the safety net missing) or SUI-009 (none of it in place) applies instead."),
        ]);

    /// <summary>
    /// Version 1.27.0 (helper 294; docs/clinical-review.md, section 39), answering the report-only QA pass QA293. F2: with
    /// suicidality recorded as none beside a positive PHQ-9 item 9 and the suicide-risk assessment since recorded as not done
    /// ("No"), 1.26.0 read every indicated pathway eligible with cautions (SUI-008 only), where the same answer left blank keeps
    /// them incomplete (REC-001 to REC-006): a recorded "No" opened what "not recorded" keeps closed, against the app's own
    /// principle (docs/web.md, QA137 F6). A positive item 9 calls for immediate follow-up (PHQ-9, label-and-literature.md
    /// section 7.1; R39: the C-SSRS), and "not assessed" leaves the recorded "none" unchecked, so the suicidality is in effect
    /// not known: the safer reading, which section 16 left open for the clinical lead, is now encoded. Until the assessment is
    /// recorded as done (<see cref="Indications.Item9AssessmentNotDone"/>), blank or "No", every pathway waits as for a blank:
    /// the completeness rules are built again (<see cref="Completeness.PathwayCompleteness.WaitingForItem9AssessmentUntilDone"/>)
    /// and name the assessment either way, SUI-016 holds (the suicidal-ideation pathway cannot yet be ruled out), and the rules
    /// that say what an indicated or waiting pathway needs (BIO-001, CV-004, HEP-003, MED-005, REMS-001 to REMS-004, SAF-001)
    /// fire for that waiting pathway too (<see cref="Rule.Restated"/>). SUI-008 fires as before; its detail says that either
    /// answer keeps the pathways waiting (reworded). F1: with suicidality recorded as none, a PHQ-9 total recorded and item 9
    /// not recorded, SUI-008's check cannot run and the result read "nothing calls for caution"; SUI-017
    /// (<see cref="Suicide.Phq9Item9NotRecordedBesideTotal"/>, new), a moderate caution, names item 9 as not recorded. Wording
    /// (low): MED-006's detail said neither benzodiazepine study used esketamine, where the fact base gives no route for the 2020
    /// cohort (To verify 18); TRD-001's detail gave "at least 4 weeks" to the US label, where the FDA's wording is "adequate
    /// duration" and 4 weeks is EU-PEARL's and the ATHF's (D2); both reworded. AGE-003 cited the EU Summary of Product
    /// Characteristics, whose text as read does not give the 28 mg start: it cites the Hong Kong product information the fact
    /// base read it in (<see cref="Age.OlderAdultStartingDoseAsRead"/>, a new class, its detail saying so).
    /// </summary>
    public static RuleSet V1_27_0 { get; } = V1_26_0.Next(
        "1.27.0",
        add:
        [
            // F1: item 9 not recorded beside a recorded total, suicidality recorded as none: SUI-008's check cannot run.
            new Suicide.Phq9Item9NotRecordedBesideTotal(),
        ],
        replace:
        [
            // F2: the completeness rules wait for the item-9 assessment until it is recorded as done, and name it.
            .. Completeness.PathwayCompleteness.WaitingForItem9AssessmentUntilDone(V1_26_0),
            V1_26_0["SUI-016"]
                .Restated(
                    Indications.SuicidalIdeationNotRuledOutUntilAssessed,
                    V1_26_0["SUI-016"].ConditionText.Replace(
                        "and the suicide-risk assessment since is not recorded,",
                        "and the suicide-risk assessment since is not recorded as done (not recorded, or recorded as not done),",
                        StringComparison.Ordinal))
                .Reworded(
                    summary: "An answer that decides the esketamine pathway for acute suicidal ideation is not recorded, or the suicide-risk assessment after a positive PHQ-9 item 9 is not recorded as done: the pathway cannot yet be ruled out. Record recent suicidal behaviour after passive ideation; after a positive item 9, assess suicide risk and record it.",
                    detail: V1_26_0["SUI-016"].Detail
                        .Replace(
                            "and the suicide-risk assessment since not recorded (SUI-008), the pathway stays incomplete (REC-002) until the answer is recorded.",
                            "and the suicide-risk assessment since not recorded as done (SUI-008), the pathway stays incomplete (REC-002) until the answer is recorded. An assessment recorded as not done is waited for as a blank one is: a positive item 9 calls for immediate follow-up, and until the assessment is done the suicidality recorded as none has not been checked against it.",
                            StringComparison.Ordinal)
                        .Replace("or an assessment since recorded, does not make it applicable.", "or an assessment since recorded as done, does not make it applicable.", StringComparison.Ordinal)),
            .. WhatAnIndicatedOrWaitingPathwayNeedsWhen(Indications.AnyIndicationOrElseAPathwayNotRuledOutUntilAssessed, Indications.AnyEsketamineOrElseNotRuledOutUntilAssessed)
                .Select(r => V1_26_0[r.RuleId].Restated(r.Condition, V1_26_0[r.RuleId].ConditionText.Replace("(SUI-016)", SuicidalIdeationWaitingUntilAssessed, StringComparison.Ordinal))),
            V1_26_0["SUI-008"].Reworded(detail: V1_26_0["SUI-008"].Detail.Replace(
                "Until the assessment is recorded, every pathway stays incomplete (REC-001 to REC-006); recorded as not done, this caution stands.",
                "Until the assessment is recorded as done, every pathway stays incomplete (REC-001 to REC-006), whether it is not recorded or recorded as not done: until then the suicidality recorded as none has not been checked against the item.",
                StringComparison.Ordinal)),
            // Wording: each text says only what the fact base supports (label-and-literature.md sections 1.1, 1.6, 3.4, 5.1, D2).
            V1_26_0["MED-006"].Reworded(detail: V1_26_0["MED-006"].Detail.Replace(
                "Neither study used esketamine (the RAPID analysis was of intravenous ketamine); one is small and one a secondary analysis.",
                "The RAPID analysis was of intravenous ketamine; the form and route of ketamine in the 2020 cohort are not yet confirmed (see To verify on the Rules page). One study is small and one a secondary analysis.",
                StringComparison.Ordinal)),
            V1_26_0["TRD-001"].Reworded(detail: V1_26_0["TRD-001"].Detail.Replace(
                "The US label and the EU consensus define TRD as no response to at least two antidepressant trials of adequate dose and duration (at least 4 weeks) in the current episode.",
                "The FDA's definition at the US approval is no response to at least two antidepressant trials of adequate dose and adequate duration in the current episode; the EU consensus (EU-PEARL) and the Antidepressant Treatment History Form (ATHF) take an adequate trial to last at least 4 weeks.",
                StringComparison.Ordinal)),
            new Age.OlderAdultStartingDoseAsRead(),
        ]);

    /// <summary>
    /// Version 1.28.0 (helper 297; docs/clinical-review.md, section 40): wording only. 1.27.0 made the completeness rules
    /// REC-001 to REC-006 wait for the suicide-risk assessment after a positive PHQ-9 item 9 also where it is recorded as not
    /// done ("No"), but kept their summary, "Not recorded: the … pathway cannot open until the safety items listed are
    /// answered.", which is what a clinician reads first: beside an assessment recorded as not done, and nothing blank, it
    /// read as if an answer had been left out. Each summary now says what the rule lists is not recorded, or recorded as not
    /// done, and that the pathway waits until any assessment listed is recorded as done
    /// (<see cref="Completeness.PathwayCompleteness.SummaryWaitingForAssessmentNotDone"/>). Each is 1.27.0's reworded
    /// (<see cref="Rule.Reworded"/>, summary only): conditions, details, conditions in words, kinds, severities and citations
    /// are 1.27.0's, so verdicts, pathway statuses, which rules fire and what each finding names as its cause are 1.27.0's.
    /// </summary>
    public static RuleSet V1_28_0 { get; } = V1_27_0.Next(
        "1.28.0",
        replace:
        [
            .. V1_27_0.Pathways.Select(p => V1_27_0[p.CompletenessRuleId!]).Select(r =>
                r.Reworded(summary: ((Completeness.PathwayCompleteness)r.AsDefined).SummaryNamingAssessmentNotDone)),
        ]);

    /// <summary>
    /// Version 1.29.0 (helper 314; docs/clinical-review.md, section 41): wording only, for the clinical QA review QA313.
    /// SUI-001's detail said esketamine "can reduce depressive symptoms within hours"; for esketamine the fact base has the
    /// two trials for this indication, ASPIRE I and II, in which depressive symptoms (MADRS) improved more than on placebo at
    /// 24 hours (label-and-literature.md section 1.9, discrepancy D3). The first clinical review asked for "within 24 hours in
    /// the trials" (section 2, SUI-001; section 6 item 14; section 13 open question 4). Only that sentence changes; the
    /// source's principle P-SUICIDALITY-RAPID keeps its words and caveat. PAIN-001 and PAIN-002 are information findings that
    /// also fire where no pathway is indicated, and "ketamine may help both" could be read as an indication: each detail now
    /// says that pain (hyperalgesia) is not on its own an indication, that it makes no pathway applicable here, and that the
    /// depression pathways are judged on their own criteria (P-PAIN, discrepancy D8). Each is 1.28.0's reworded
    /// (<see cref="Rule.Reworded"/>, detail only): conditions, summaries, conditions in words, kinds, severities and citations
    /// are 1.28.0's, so verdicts, pathway statuses, which rules fire and what each finding names as its cause are 1.28.0's.
    /// </summary>
    public static RuleSet V1_29_0 { get; } = V1_28_0.Next(
        "1.29.0",
        replace:
        [
            V1_28_0["SUI-001"].Reworded(detail: V1_28_0["SUI-001"].Detail.Replace(
                "Its value here is speed: it can reduce depressive symptoms within hours, while standard antidepressants take weeks.",
                "Its value here is speed: in the two trials for this indication it reduced depressive symptoms more than placebo within 24 hours, while standard antidepressants take weeks.",
                StringComparison.Ordinal)),
            V1_28_0["PAIN-001"].Reworded(detail: V1_28_0["PAIN-001"].Detail.Replace(
                "weak evidence for most other neuropathic pain (discrepancy D8); the depression pathways are judged on their own criteria.",
                "weak evidence for most other neuropathic pain (discrepancy D8). Pain is not on its own an indication: it makes no pathway applicable here, and the depression pathways are judged on their own criteria.",
                StringComparison.Ordinal)),
            V1_28_0["PAIN-002"].Reworded(detail: V1_28_0["PAIN-002"].Detail.Replace(
                "weaker in chronic pain (discrepancy D8); coordinate with the pain team and see the opioid caution (MED-002).",
                "weaker in chronic pain (discrepancy D8). Hyperalgesia is not on its own an indication: it makes no pathway applicable here, and the depression pathways are judged on their own criteria. Coordinate with the pain team and see the opioid caution (MED-002).",
                StringComparison.Ordinal)),
        ]);

    /// <summary>
    /// 1.27.0's words, in the condition in words of the rules that fire while the suicidal-ideation pathway waits, for SUI-016
    /// as it reads from 1.27.0: it also waits while the assessment after a positive item 9 is recorded as not done.
    /// </summary>
    private const string SuicidalIdeationWaitingUntilAssessed =
        "(SUI-016; also while the suicide-risk assessment after a positive PHQ-9 item 9 is recorded as not done)";

    /// <summary>The rule set new screenings are decided with.</summary>
    public static RuleSet Current => V1_29_0;

    /// <summary>Every released rule set, oldest first.</summary>
    public static IReadOnlyList<RuleSet> All { get; } = [V1_0_0, V1_1_0, V1_2_0, V1_3_0, V1_4_0, V1_5_0, V1_6_0, V1_7_0, V1_8_0, V1_9_0, V1_10_0, V1_11_0, V1_12_0, V1_13_0, V1_14_0, V1_15_0, V1_16_0, V1_17_0, V1_18_0, V1_19_0, V1_20_0, V1_21_0, V1_22_0, V1_23_0, V1_24_0, V1_25_0, V1_26_0, V1_27_0, V1_28_0, V1_29_0];

    /// <summary>Whether <paramref name="ruleSet"/> was released after <paramref name="other"/> (their places in <see cref="All"/>).</summary>
    public static bool ReleasedAfter(RuleSet ruleSet, RuleSet other) => Place(ruleSet) > Place(other);

    private static int Place(RuleSet ruleSet)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (ReferenceEquals(All[i], ruleSet))
            {
                return i;
            }
        }

        throw new ArgumentException($"Rule set {ruleSet.Version} is not in the catalogue.", nameof(ruleSet));
    }

    /// <summary>1.14.0's words for <see cref="Indications.AnyIndicationOrNotRuledOut"/>.</summary>
    private const string AnyPathwayOrNotRuledOut = "A pathway is indicated, or the suicidal-ideation pathway cannot yet be ruled out (SUI-001)";

    /// <summary>1.14.0's words for <see cref="Indications.AnyEsketamineOrNotRuledOut"/>.</summary>
    private const string EsketaminePathwayOrNotRuledOut =
        "An esketamine pathway applies (TRD, or acute suicidal ideation or recent suicidal behaviour), or the suicidal-ideation pathway cannot yet be ruled out (SUI-001).";

    /// <summary>1.16.0's words for <see cref="Indications.AnyIndicationOrAPathwayNotRuledOut"/>.</summary>
    private const string AnyPathwayOrAPathwayNotRuledOut =
        "A pathway is indicated, or the suicidal-ideation pathway (SUI-001) or the palliative pathway (PAL-001) cannot yet be ruled out";

    /// <summary>
    /// The rules that say what a waiting pathway needs, restated from <paramref name="from"/> to fire where
    /// <paramref name="indication"/> holds, their condition in words beginning <paramref name="words"/>: BIO-001, the care
    /// items not recorded (blood pressure CV-004, hepatic status HEP-003, medicines MED-005, the other safety history
    /// SAF-001) and REMS-002, REMS-003. 1.14.0 restates them for the suicidal-ideation pathway that cannot yet be ruled
    /// out, 1.16.0 for the palliative one too; each keeps its care items, in the same order and words.
    /// </summary>
    private static Rule[] WhatAWaitingPathwayNeeds(RuleSet from, Condition indication, string words) =>
    [
        from["BIO-001"].Restated(indication, words + "."),
        from["CV-004"].Restated(
            All(indication, Any(NotRecorded(Fields.SystolicBp), NotRecorded(Fields.DiastolicBp))),
            words + ", and today's pre-treatment blood pressure is not recorded."),
        from["HEP-003"].Restated(
            All(indication, NotRecorded(Fields.HepaticImpairment)),
            words + ", and hepatic impairment is not recorded either way."),
        from["MED-005"].Restated(
            All(indication, Any(NotRecorded(Fields.OnOpioids), NotRecorded(Fields.OnNaltrexone), NotRecorded(Fields.BenzodiazepineDiazepamEquivalentMg), NotRecorded(Fields.OnPsychostimulantOrMaoi), NotRecorded(Fields.OtherCnsDepressants))),
            words + ", and any of opioids, naltrexone, benzodiazepine dose, psychostimulants or MAOIs, or other CNS depressants is not recorded."),
        from["REMS-002"].Restated(indication, words + "."),
        from["REMS-003"].Restated(indication, words + "."),
        from["SAF-001"].Restated(
            All(indication, Any(NotRecorded(Fields.OtherCardiovascularOrCerebrovascularDisease), NotRecorded(Fields.RespiratoryDiseaseOrSleepApnea), NotRecorded(Fields.HypertensiveEncephalopathyHistory), NotRecorded(Fields.CognitiveImpairment), NotRecorded(Fields.UrinaryTractSymptoms), All(Indications.NotRecordedAsMale, NotRecorded(Fields.Breastfeeding)))),
            words + ", and any of other cardiovascular or cerebrovascular disease, respiratory disease or sleep apnoea, hypertensive encephalopathy, cognitive impairment, urinary tract symptoms, or (sex at birth not recorded as male) breastfeeding is not recorded."),
    ];

    /// <summary>
    /// The rules of <see cref="IndicatedOrWaitingRules"/> reexplained from <paramref name="from"/> (1.22.0): each condition as
    /// it is there, its indication part read "indicated, or else waiting" (the "after" of that list), the care items of
    /// CV-004, HEP-003, MED-005 and SAF-001 (1.17.0's, raised intraocular pressure included) in the same order.
    /// </summary>
    private static Rule[] WhatAnIndicatedOrWaitingPathwayNeeds(RuleSet from) =>
    [
        .. WhatAnIndicatedOrWaitingPathwayNeedsWhen(Indications.AnyIndicationOrElseAPathwayNotRuledOut, Indications.AnyEsketamineOrElseNotRuledOut)
            .Select(r => from[r.RuleId].Reexplained(r.Condition)),
        from["KET-002"].Reexplained(Indications.AnyRacemicKetamineOrElsePalliativeNotRuledOut),
    ];

    /// <summary>
    /// The conditions of the rules that say what an indicated or waiting pathway needs (BIO-001, CV-004, HEP-003, MED-005,
    /// REMS-002, REMS-003, SAF-001 on <paramref name="indication"/>; REMS-001, REMS-004 on <paramref name="esketamine"/>), the
    /// care items of CV-004, HEP-003, MED-005 and SAF-001 (1.17.0's) in the same order: 1.23.0's with 1.23.0's indications,
    /// 1.27.0's with the suicidal-ideation pathway waiting until the assessment after a positive item 9 is recorded as done.
    /// </summary>
    private static (string RuleId, Condition Condition)[] WhatAnIndicatedOrWaitingPathwayNeedsWhen(Condition indication, Condition esketamine) =>
    [
        ("BIO-001", indication),
        ("CV-004", All(indication, Any(NotRecorded(Fields.SystolicBp), NotRecorded(Fields.DiastolicBp)))),
        ("HEP-003", All(indication, NotRecorded(Fields.HepaticImpairment))),
        ("MED-005", All(indication, Any(NotRecorded(Fields.OnOpioids), NotRecorded(Fields.OnNaltrexone), NotRecorded(Fields.BenzodiazepineDiazepamEquivalentMg), NotRecorded(Fields.OnPsychostimulantOrMaoi), NotRecorded(Fields.OtherCnsDepressants)))),
        ("REMS-002", indication),
        ("REMS-003", indication),
        ("SAF-001", All(indication, Any(NotRecorded(Fields.OtherCardiovascularOrCerebrovascularDisease), NotRecorded(Fields.RespiratoryDiseaseOrSleepApnea), NotRecorded(Fields.HypertensiveEncephalopathyHistory), NotRecorded(Fields.CognitiveImpairment), NotRecorded(Fields.UrinaryTractSymptoms), NotRecorded(Fields.RaisedIntraocularPressure), All(Indications.NotRecordedAsMale, NotRecorded(Fields.Breastfeeding))))),
        ("REMS-001", esketamine),
        ("REMS-004", esketamine),
    ];

    private static RuleSet BuildV1_25_0()
    {
        // REC-002 built again from 1.24.0's, only its recent-behaviour item changed; its words are 1.24.0's (1.13.0's
        // "recorded as none" for the item-9 assessment) but for that item's.
        var was = V1_24_0["REC-002"];
        var rebuilt = ((Completeness.PathwayCompleteness)was.AsDefined).WaitingForRecentBehaviourOnlyWhereItDecides();
        return V1_24_0.Next(
            "1.25.0",
            replace:
            [
                rebuilt.Reworded(conditionText: was.ConditionText.Replace(
                    Completeness.PathwayCompleteness.RecentBehaviourWaitedForText,
                    Completeness.PathwayCompleteness.RecentBehaviourWaitedForWhereItDecidesText,
                    StringComparison.Ordinal)),
                V1_24_0["AGE-002"].Reworded(summary: V1_24_0["AGE-002"].Summary.Replace("Aged 24 or under:", "Aged 18 to 24:", StringComparison.Ordinal)),
                V1_24_0["TRD-003"].Reworded(summary: V1_24_0["TRD-003"].Summary.Replace(
                    "the TRD pathways are closed.", "the TRD pathways are not applicable.", StringComparison.Ordinal)),
            ]);
    }

    private static RuleSet BuildV1_16_0()
    {
        var rules = V1_15_0.Next(
            "1.16.0",
            replace:
            [
                new Palliative.PalliativeWeeksOrNotRuledOut(),
                .. WhatAWaitingPathwayNeeds(V1_15_0, Indications.AnyIndicationOrAPathwayNotRuledOut, AnyPathwayOrAPathwayNotRuledOut),
                V1_15_0["KET-002"].Restated(
                    Indications.AnyRacemicKetamineOrPalliativeNotRuledOut,
                    "A ketamine pathway other than esketamine's is indicated (off-label TRD, bipolar adjunct, palliative or investigational PTSD/OCD), or the palliative pathway cannot yet be ruled out (PAL-001)."),
            ]);

        // REC-005 built again from the new PAL-001, waiting for the illness too; the other completeness rules stay 1.15.0's.
        // 1.13.0's words for the item-9 assessment ("recorded as none") are kept, as REC-005 has them since 1.13.0.
        var palliative = Completeness.PathwayCompleteness.For(rules, waitForRecentBehaviour: true, waitForItem9Assessment: true, waitForLifeLimitingIllness: true)
            .Single(c => c.Pathway == Pathway.PalliativeRapidActing);
        return rules.Next("1.16.0", replace:
        [
            palliative.Reworded(conditionText: palliative.ConditionText.Replace(
                Completeness.PathwayCompleteness.Item9AssessmentWaitedForText, Completeness.PathwayCompleteness.Item9AssessmentWaitedForTextRecordedAsNone, StringComparison.Ordinal)),
        ]);
    }

    private static RuleSet BuildV1_8_0()
    {
        var rules = V1_7_0.Next(
            "1.8.0",
            replace:
            [
                new Suicide.SuicidalIdeationNotRuledOutUntilItem9Assessed(),
                new Suicide.PositivePhq9Item9UntilRiskAssessed(),
            ]);

        // Every completeness rule waits for the assessment too (REC-002 as in 1.5.0 for recent behaviour and intent).
        return rules.Next("1.8.0", replace: [.. Completeness.PathwayCompleteness.For(rules, waitForRecentBehaviour: true, waitForItem9Assessment: true)]);
    }

    private static RuleSet BuildV1_5_0()
    {
        var rules = V1_4_0.Next(
            "1.5.0",
            add:
            [
                new EuLabel.EuSuicidalityPathwayPsychiatricEmergency(),
            ],
            replace:
            [
                // C2 and C1: the suicidal-ideation pathway's indication counts recent suicidal behaviour; each label's wording is its own.
                new Suicide.AcuteSuicidalIdeationOrRecentBehaviourInMdd(),
                new Suicide.SuicidalityPathwayNeedsOralAntidepressantEitherLabel(),
                new Rems.CertifiedSettingUsRemsAppliedEverywhere(),
                new Rems.NeverTakenHomeUsRemsAppliedEverywhere(),
                // C2: rules that read "a pathway is indicated" agree with the new indication; texts unchanged.
                new Rems.PostDoseMonitoringRecentBehaviourCounts(),
                new Rems.NoDrivingRecentBehaviourCounts(),
                new Biomarkers.BiomarkersResearchOnlyRecentBehaviourCounts(),
                new Cardiovascular.BloodPressureNotRecordedRecentBehaviourCounts(),
                new Hepatic.HepaticStatusNotRecordedRecentBehaviourCounts(),
                new Medicines.MedicinesNotRecordedRecentBehaviourCounts(),
                new Completeness.OtherSafetyHistoryNotRecordedRecentBehaviourCounts(),
                // C3, C4, C5: texts with no source reworded, or marked as the app's suggestion.
                new Substance.KetamineOrPcpUseAbuseRiskAsLabelled(),
                new Naltrexone.NaltrexoneKeptForItsDisorder(),
                new Cognition.CognitiveImpairmentBaselineSuggested(),
                new Bipolar.CurrentManiaOrMixedFeaturesBlocksAsSourced(),
                new Scores.Phq9BelowDepressionCutoffCheckSuggested(),
                new Urinary.UrinaryTractSymptomsReferAsWarranted(),
                new Suicide.PositivePhq9Item9ImmediateFollowUp(),
            ]);

        // REC-002 was built in 1.1.0 from SUI-001's indication then; built again from 1.5.0's, it waits for the same items
        // (the contraindications that are undecided, and suicidal intent for active ideation) wherever the pathway is now
        // indicated, and for recent behaviour where it decides imminent risk or the indication itself (B1 of
        // docs/clinical-review-1.5.0.md). The other completeness rules would be built exactly as they are, so they stay.
        var suicidalIdeation = Completeness.PathwayCompleteness.For(rules, waitForRecentBehaviour: true).Single(c => c.Pathway == Pathway.EsketamineSuicidalIdeation);
        return rules.Next("1.5.0", replace: [suicidalIdeation]);
    }

    private static RuleSet BuildV1_1_0()
    {
        var rules = V1_0_0.Next(
            "1.1.0",
            add:
            [
                new Suicide.ImminentRiskWithoutSafetyNet(),
                new Suicide.ImminentRiskPartialSafetyNet(),
                new Suicide.ImminentRiskTreatAfterEvaluation(),
                new Suicide.SuicideRiskNotFullyAssessed(),
                new Substance.KetamineOrPcpUse(),
                new Substance.SubstancesNotRecorded(),
                new Cardiovascular.BloodPressureDefersSession(),
                new Cardiovascular.BloodPressureNotRecorded(),
                new Cardiovascular.HypertensiveEncephalopathyHistory(),
                new Cardiovascular.RecentMyocardialInfarctionOrStroke(),
                new Cardiovascular.RespiratoryDiseaseOrSleepApnea(),
                new Bipolar.BipolarSwitchRiskCaution(),
                new Psychosis.UntreatedPsychosisHistory(),
                new Naltrexone.OpioidsWithNaltrexone(),
                new Medicines.OtherCnsDepressants(),
                new Medicines.MedicinesNotRecorded(),
                new Cognition.CognitiveImpairment(),
                new Urinary.UrinaryTractSymptoms(),
                new Hepatic.HepaticStatusNotRecorded(),
                new Completeness.OtherSafetyHistoryNotRecorded(),
            ],
            replace:
            [
                new Suicide.ImminentSuicideRiskPrecautions(),
                new Suicide.RapidReliefIsNotPrevention(),
                new Substance.ActiveSubstanceUseDisorderDefers(),
                new Bipolar.BipolarWithoutAntimanicProtection(),
                new Bipolar.BipolarStabilizerOutsideTheEvidence(),
                new Psychosis.ControlledPsychosisHistoryHighCaution(),
                new Psychosis.StopAtOnceAfterPsychosis(),
                new Naltrexone.NaltrexoneNeverStoppedForKetamine(),
                new Age.YoungAdultSuicidalityBoxedWarning(),
                new OffLabel.OffLabelKetamineProcedure(),
                new OffLabel.KetaminePreTreatmentAssessment(),
                new Rems.PostDoseMonitoringEveryPathway(),
                new Rems.NoDrivingUntilNextDayEveryPathway(),
                new Reproductive.PregnancyBlocks(),
                new EuLabel.EuTrdConfirmSsriOrSnriClass(),
                new Cardiovascular.SeriousCardiovascularConditionBlocks(),
                new Bipolar.CurrentManiaOrMixedFeaturesBlocks(),
                new Reproductive.PregnancyPreventionCounsellingCouldBePregnant(),
            ],
            // BIP-007 (mania not recorded blocks every pathway) is now the completeness rule's job: the bipolar pathway
            // is incomplete, not blocked, while the current mood state is not recorded.
            remove: ["BIP-007"]);

        var completeness = Completeness.PathwayCompleteness.For(rules);
        return rules.Next(
            "1.1.0",
            add: completeness,
            pathways: [.. rules.Pathways.Select(p => p with { CompletenessRuleId = completeness.Single(c => c.Pathway == p.Pathway).Id })],
            policy: DecisionPolicy.V1_1Text);
    }

    /// <summary>The released rule set with this version, or null.</summary>
    public static RuleSet? Find(string version) => All.FirstOrDefault(r => r.Version == version);
}
