using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Suicide;

/// <summary>
/// SUI-001 from 1.8.0: as from 1.5.0, and "no suicidality" beside a positive PHQ-9 item 9 does not rule the pathway out
/// until a suicide-risk assessment since is recorded; REC-002 keeps it incomplete until then (QA137 F2, QA128 F5;
/// P-SUICIDALITY-APPROVAL, SPRAVATO-PI-US, PHQ-9, C-SSRS; docs/clinical-review.md, section 16).
/// </summary>
public sealed class SuicidalIdeationNotRuledOutUntilItem9Assessed : AcuteSuicidalIdeationOrRecentBehaviourInMdd
{
    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs, Citations.SpravatoSmpcEu, Citations.Cssrs, Citations.Phq9];

    public override string ConditionText =>
        "Major depressive disorder in a current depressive episode with active suicidal ideation (with or without a plan), a suicide attempt in the last 3 months, or, with any suicidality recorded, preparatory acts or an aborted or interrupted attempt in the last 3 months; or, so that the pathway cannot yet be ruled out (REC-002), passive ideation with that last answer not recorded, or no suicidality recorded while PHQ-9 item 9 is 1 or more and no suicide-risk assessment since is recorded.";

    public override Condition Condition { get; } =
        Any(Indications.SuicidalMddWithRecentBehaviour,
            All(Indications.MddInEpisode, Is(Fields.Suicidality, Suicidality.PassiveIdeation), NotRecorded(Fields.PreparatoryActsOrAbortedAttempt)),
            All(Indications.MddInEpisode, Indications.NoSuicidalityAgainstPositiveItem9, NotRecorded(Fields.SuicideRiskAssessedAfterItem9)));

    public override string Summary => "Major depression with acute suicidal ideation or recent suicidal behaviour (or an answer that could still show them is not recorded): the esketamine pathway for this indication applies or cannot yet be ruled out.";

    public override string Detail =>
        base.Detail + " In the same way, no suicidality recorded beside a positive PHQ-9 item 9 does not rule the pathway out until a suicide-risk assessment since is recorded (SUI-008).";
}
