using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules;

/// <summary>
/// The indications that open pathways, defined once and shared by the rules that state them and the rules that
/// depend on them (REMS requirements apply wherever an esketamine pathway is indicated, for example).
/// </summary>
public static class Indications
{
    /// <summary>Major depressive disorder in a current depressive episode.</summary>
    public static readonly Condition MddInEpisode =
        Shared(All(Is(Fields.PrimaryDiagnosis, PrimaryDiagnosis.Mdd), True(Fields.CurrentDepressiveEpisode)));

    /// <summary>The regulatory TRD definition: MDD, current episode, at least two failed adequate trials (P-TRD-DEFINITION).</summary>
    public static readonly Condition TreatmentResistantDepression =
        Shared(All(Is(Fields.PrimaryDiagnosis, PrimaryDiagnosis.Mdd), True(Fields.CurrentDepressiveEpisode), AtLeast(Fields.FailedAdequateTrials, 2)));

    /// <summary>Any suicidality at all, passive ideation included.</summary>
    public static readonly Condition AnySuicidality = Shared(Not(Is(Fields.Suicidality, Suicidality.None)));

    /// <summary>MDD in a current episode with acute suicidal ideation or behaviour (P-SUICIDALITY-APPROVAL).</summary>
    public static readonly Condition SuicidalMdd =
        Shared(All(Is(Fields.PrimaryDiagnosis, PrimaryDiagnosis.Mdd), True(Fields.CurrentDepressiveEpisode),
            In(Fields.Suicidality, Suicidality.ActiveIdeation, Suicidality.ActiveIdeationWithPlan, Suicidality.RecentAttempt)));

    /// <summary>
    /// From rule set 1.5.0: MDD in a current episode with acute suicidal ideation or recent suicidal behaviour. Behaviour is
    /// any recorded within 3 months: an attempt, or, with some suicidality recorded, an aborted or interrupted attempt or
    /// preparatory acts (P-SUICIDALITY-APPROVAL; SPRAVATO-PI-US's "ideation or behavior", C-SSRS item 6; clinical audit
    /// QA10b C2). <see cref="SuicidalMdd"/> stays as it was, so that 1.0.0 to 1.4.0 replay exactly.
    /// </summary>
    public static readonly Condition SuicidalMddWithRecentBehaviour =
        Shared(All(Is(Fields.PrimaryDiagnosis, PrimaryDiagnosis.Mdd), True(Fields.CurrentDepressiveEpisode),
            Any(In(Fields.Suicidality, Suicidality.ActiveIdeation, Suicidality.ActiveIdeationWithPlan, Suicidality.RecentAttempt),
                All(AnySuicidality, True(Fields.PreparatoryActsOrAbortedAttempt)))));

    /// <summary>
    /// From rule set 1.8.0: no suicidality recorded while PHQ-9 item 9 is 1 or more. The two answers disagree, so "none"
    /// does not settle the suicide-risk questions until an assessment since is recorded (QA137 F2, QA128 F5;
    /// label-and-literature.md R39: a positive item 9 calls for the C-SSRS).
    /// </summary>
    public static readonly Condition NoSuicidalityAgainstPositiveItem9 =
        Shared(All(Is(Fields.Suicidality, Suicidality.None), AtLeast(Fields.Phq9Item9, 1)));

    /// <summary>
    /// From rule set 1.14.0: the suicidal-ideation pathway cannot yet be ruled out, as SUI-001 reads it since 1.8.0 (MDD in
    /// a current episode with passive ideation and recent behaviour not recorded, or suicidality recorded as none beside a
    /// positive PHQ-9 item 9 with the assessment since not recorded). False when the answers indicate it or rule it out.
    /// </summary>
    public static readonly Condition SuicidalIdeationNotRuledOut =
        Shared(Any(
            All(MddInEpisode, Is(Fields.Suicidality, Suicidality.PassiveIdeation), NotRecorded(Fields.PreparatoryActsOrAbortedAttempt)),
            All(MddInEpisode, NoSuicidalityAgainstPositiveItem9, NotRecorded(Fields.SuicideRiskAssessedAfterItem9))));

    /// <summary>
    /// From rule set 1.27.0: suicidality recorded as none beside a positive PHQ-9 item 9, and the suicide-risk assessment since
    /// not recorded as done: not recorded, or recorded as not done. A positive item 9 calls for immediate follow-up
    /// (label-and-literature.md section 7.1; R39: the C-SSRS); until the assessment is done, "none" has not been checked against
    /// the item, so the suicidality is in effect not known and a recorded "No" keeps closed what a blank does (QA293 F2; the
    /// app's principle that "No" never opens what "not recorded" would keep closed; docs/clinical-review.md, section 39).
    /// SUI-008's condition since 1.8.0, shared.
    /// </summary>
    public static readonly Condition Item9AssessmentNotDone =
        Shared(All(NoSuicidalityAgainstPositiveItem9, NotTrue(Fields.SuicideRiskAssessedAfterItem9)));

    /// <summary>
    /// From rule set 1.27.0: <see cref="SuicidalIdeationNotRuledOut"/> with the suicide-risk assessment after a positive item 9
    /// waited for until it is recorded as done (<see cref="Item9AssessmentNotDone"/>), a recorded "No" as a blank. Written as
    /// 1.8.0's branches are, only <c>is not recorded</c> read <c>is not true</c>, so its canonical text differs in that test alone.
    /// </summary>
    public static readonly Condition SuicidalIdeationNotRuledOutUntilAssessed =
        Shared(Any(
            All(MddInEpisode, Is(Fields.Suicidality, Suicidality.PassiveIdeation), NotRecorded(Fields.PreparatoryActsOrAbortedAttempt)),
            All(MddInEpisode, NoSuicidalityAgainstPositiveItem9, NotTrue(Fields.SuicideRiskAssessedAfterItem9))));

    /// <summary>Bipolar I or II disorder.</summary>
    public static readonly Condition BipolarDiagnosis = Shared(In(Fields.PrimaryDiagnosis, PrimaryDiagnosis.BipolarI, PrimaryDiagnosis.BipolarII));

    /// <summary>Bipolar I or II disorder in a current depressive episode (P-BIPOLAR).</summary>
    public static readonly Condition BipolarDepression = Shared(All(BipolarDiagnosis, True(Fields.CurrentDepressiveEpisode)));

    /// <summary>The longest prognosis, in weeks, that counts as "a prognosis of weeks" (P-PALLIATIVE).</summary>
    public const int PalliativePrognosisWeeksAtMost = 8;

    /// <summary>A life-limiting illness with a prognosis of weeks and a current depressive episode (P-PALLIATIVE).</summary>
    public static readonly Condition PalliativeWeeks =
        Shared(All(True(Fields.LifeLimitingIllness), AtMost(Fields.PrognosisWeeks, PalliativePrognosisWeeksAtMost), True(Fields.CurrentDepressiveEpisode)));

    /// <summary>
    /// From rule set 1.16.0: the palliative pathway cannot yet be ruled out. A current depressive episode is recorded and
    /// the life-limiting illness is not recorded, so the prognosis cannot be either (the validator requires the illness
    /// answer whenever a prognosis is given). An unrecorded illness is never read as "no" (P-PALLIATIVE; docs/clinical-review.md,
    /// sections 24 and 26). False when the answers indicate the pathway or rule it out.
    /// </summary>
    public static readonly Condition PalliativeNotRuledOut =
        Shared(All(True(Fields.CurrentDepressiveEpisode), NotRecorded(Fields.LifeLimitingIllness)));

    /// <summary>PTSD or OCD as the primary diagnosis (P-PTSD, P-OCD).</summary>
    public static readonly Condition PtsdOrOcd = Shared(In(Fields.PrimaryDiagnosis, PrimaryDiagnosis.Ptsd, PrimaryDiagnosis.Ocd));

    /// <summary>
    /// Imminent suicide risk, the C-SSRS highest-risk answers: some suicidality and active ideation with a plan, active
    /// ideation with intent, preparatory acts or an aborted or interrupted attempt, or an attempt within 3 months.
    /// </summary>
    public static readonly Condition ImminentSuicideRisk =
        Shared(All(AnySuicidality, Any(
            In(Fields.Suicidality, Suicidality.ActiveIdeationWithPlan, Suicidality.RecentAttempt),
            All(Is(Fields.Suicidality, Suicidality.ActiveIdeation), True(Fields.SuicidalIntent)),
            True(Fields.PreparatoryActsOrAbortedAttempt))));

    /// <summary>
    /// Sex at birth recorded and not male, aged 12 to 55: the patient could be pregnant. Unknown (not true) when the sex
    /// at birth is not recorded, so a rule that must fire then needs <see cref="NotRecordedAsMale"/> instead; the form's
    /// question (<c>Fields.CouldBePregnant</c>, asked unless male) is asked then.
    /// </summary>
    public static readonly Condition CouldBePregnant =
        Shared(All(Not(Is(Fields.SexAtBirth, (SexAtBirth?)SexAtBirth.Male)), Between(Fields.AgeYears, 12, 55)));

    /// <summary>Sex at birth not recorded as male.</summary>
    public static readonly Condition NotRecordedAsMale =
        Shared(Any(NotRecorded(Fields.SexAtBirth), In(Fields.SexAtBirth, (SexAtBirth?)SexAtBirth.Female, SexAtBirth.Intersex, SexAtBirth.Unknown)));

    /// <summary>A ketamine pathway other than esketamine's is indicated: off-label TRD, bipolar adjunct, palliative or PTSD/OCD.</summary>
    public static readonly Condition AnyRacemicKetamine = Shared(Any(TreatmentResistantDepression, BipolarDepression, PalliativeWeeks, PtsdOrOcd));

    /// <summary>An esketamine pathway is indicated.</summary>
    public static readonly Condition AnyEsketamine = Shared(Any(TreatmentResistantDepression, SuicidalMdd));

    /// <summary>Any pathway is indicated.</summary>
    public static readonly Condition AnyIndication = Shared(Any(TreatmentResistantDepression, SuicidalMdd, BipolarDepression, PalliativeWeeks, PtsdOrOcd));

    /// <summary>From rule set 1.5.0: an esketamine pathway is indicated, recent suicidal behaviour counting (<see cref="SuicidalMddWithRecentBehaviour"/>).</summary>
    public static readonly Condition AnyEsketamineWithRecentBehaviour = Shared(Any(TreatmentResistantDepression, SuicidalMddWithRecentBehaviour));

    /// <summary>From rule set 1.5.0: any pathway is indicated, recent suicidal behaviour counting (<see cref="SuicidalMddWithRecentBehaviour"/>).</summary>
    public static readonly Condition AnyIndicationWithRecentBehaviour =
        Shared(Any(TreatmentResistantDepression, SuicidalMddWithRecentBehaviour, BipolarDepression, PalliativeWeeks, PtsdOrOcd));

    /// <summary>
    /// From rule set 1.14.0: an esketamine pathway is indicated or, the suicidal-ideation one, cannot yet be ruled out
    /// (QA184 F3: what that pathway needs is listed while it waits, as for an indicated one).
    /// </summary>
    public static readonly Condition AnyEsketamineOrNotRuledOut = Shared(Any(AnyEsketamineWithRecentBehaviour, SuicidalIdeationNotRuledOut));

    /// <summary>From rule set 1.14.0: any pathway is indicated, or the suicidal-ideation one cannot yet be ruled out (QA184 F3).</summary>
    public static readonly Condition AnyIndicationOrNotRuledOut = Shared(Any(AnyIndicationWithRecentBehaviour, SuicidalIdeationNotRuledOut));

    /// <summary>
    /// From rule set 1.16.0: any pathway is indicated, or the suicidal-ideation pathway (<see cref="SuicidalIdeationNotRuledOut"/>)
    /// or the palliative pathway (<see cref="PalliativeNotRuledOut"/>) cannot yet be ruled out.
    /// </summary>
    public static readonly Condition AnyIndicationOrAPathwayNotRuledOut = Shared(Any(AnyIndicationOrNotRuledOut, PalliativeNotRuledOut));

    /// <summary>From rule set 1.16.0: a ketamine pathway other than esketamine's is indicated, or the palliative one cannot yet be ruled out.</summary>
    public static readonly Condition AnyRacemicKetamineOrPalliativeNotRuledOut = Shared(Any(AnyRacemicKetamine, PalliativeNotRuledOut));

    /// <summary>
    /// From rule set 1.23.0: <see cref="AnyIndicationOrAPathwayNotRuledOut"/>, holding exactly where it does, but explained by
    /// the waiting pathways' answers only where no pathway is indicated (<see cref="IndicatedOrElseWaiting"/>).
    /// </summary>
    public static readonly Condition AnyIndicationOrElseAPathwayNotRuledOut =
        Shared(IndicatedOrElseWaiting(AnyIndicationWithRecentBehaviour, Any(SuicidalIdeationNotRuledOut, PalliativeNotRuledOut)));

    /// <summary>
    /// From rule set 1.23.0: <see cref="AnyEsketamineOrNotRuledOut"/>, holding exactly where it does, but explained by the
    /// suicidal-ideation pathway's answers only where no esketamine pathway is indicated (<see cref="IndicatedOrElseWaiting"/>).
    /// </summary>
    public static readonly Condition AnyEsketamineOrElseNotRuledOut =
        Shared(IndicatedOrElseWaiting(AnyEsketamineWithRecentBehaviour, SuicidalIdeationNotRuledOut));

    /// <summary>
    /// From rule set 1.23.0: <see cref="AnyRacemicKetamineOrPalliativeNotRuledOut"/>, holding exactly where it does, but
    /// explained by the life-limiting illness not recorded only where no ketamine pathway other than esketamine's is
    /// indicated (<see cref="IndicatedOrElseWaiting"/>).
    /// </summary>
    public static readonly Condition AnyRacemicKetamineOrElsePalliativeNotRuledOut =
        Shared(IndicatedOrElseWaiting(AnyRacemicKetamine, PalliativeNotRuledOut));

    /// <summary>
    /// From rule set 1.27.0: <see cref="AnyIndicationOrElseAPathwayNotRuledOut"/> with the suicidal-ideation pathway waiting
    /// until the assessment after a positive item 9 is recorded as done (<see cref="SuicidalIdeationNotRuledOutUntilAssessed"/>).
    /// </summary>
    public static readonly Condition AnyIndicationOrElseAPathwayNotRuledOutUntilAssessed =
        Shared(IndicatedOrElseWaiting(AnyIndicationWithRecentBehaviour, Any(SuicidalIdeationNotRuledOutUntilAssessed, PalliativeNotRuledOut)));

    /// <summary>
    /// From rule set 1.27.0: <see cref="AnyEsketamineOrElseNotRuledOut"/> with the suicidal-ideation pathway waiting until the
    /// assessment after a positive item 9 is recorded as done (<see cref="SuicidalIdeationNotRuledOutUntilAssessed"/>).
    /// </summary>
    public static readonly Condition AnyEsketamineOrElseNotRuledOutUntilAssessed =
        Shared(IndicatedOrElseWaiting(AnyEsketamineWithRecentBehaviour, SuicidalIdeationNotRuledOutUntilAssessed));

    /// <summary>
    /// A pathway is indicated, or else one waits: <c>any(indicated, all(noneholds(indicated), waiting))</c>. It holds exactly
    /// where <c>any(indicated, waiting)</c> does (where the indication holds, both hold; where it does not, certainly or for an
    /// answer not recorded, <c>noneholds</c> is true and the second part is <paramref name="waiting"/> itself), but a finding
    /// names the waiting pathway's answers, blank ones included, only where no pathway is indicated: beside an indicated
    /// pathway they are not why the rule fires (psychiatrist QA of 1.22.0, F4; docs/clinical-review.md, section 35).
    /// </summary>
    private static Condition IndicatedOrElseWaiting(Condition indicated, Condition waiting) =>
        Any(indicated, All(NoneHolds(indicated), waiting));
}
