using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Suicide;

/// <summary>
/// SUI-001 from 1.5.0: major depression with acute suicidal ideation or recent suicidal behaviour opens the esketamine
/// pathway for this indication. Behaviour is any recorded within 3 months: an attempt, an aborted or interrupted attempt,
/// or preparatory acts (C2); the US and EU indications are each stated and attributed to their label (C1).
/// (P-SUICIDALITY-APPROVAL, P-SUICIDALITY-RAPID, SPRAVATO-PI-US, SPRAVATO-SMPC-EU, C-SSRS; docs/clinical-review.md, section 13)
/// </summary>
public class AcuteSuicidalIdeationOrRecentBehaviourInMdd : Rule
{
    public override string Id => "SUI-001";

    public override FindingKind Kind => FindingKind.Information;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Principles { get; } = [Citations.SuicidalityApproval, Citations.SuicidalityRapid];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs, Citations.SpravatoSmpcEu, Citations.Cssrs];

    public override string ConditionText =>
        "Major depressive disorder in a current depressive episode with active suicidal ideation (with or without a plan), a suicide attempt in the last 3 months, or, with any suicidality recorded, preparatory acts or an aborted or interrupted attempt in the last 3 months; or passive ideation with that last answer not recorded, so that the pathway cannot yet be ruled out (REC-002).";

    /// <summary>
    /// The indication, or passive ideation with recent behaviour not recorded: whether the pathway applies then turns on
    /// that answer, so the pathway is indicated and REC-002 keeps it incomplete until it is recorded (never read as "no").
    /// </summary>
    public override Condition Condition { get; } =
        Any(Indications.SuicidalMddWithRecentBehaviour,
            All(Indications.MddInEpisode, Is(Fields.Suicidality, Suicidality.PassiveIdeation), NotRecorded(Fields.PreparatoryActsOrAbortedAttempt)));

    public override string Summary => "Major depression with acute suicidal ideation or recent suicidal behaviour (or passive ideation with recent behaviour not yet recorded): the esketamine pathway for this indication applies or cannot yet be ruled out.";

    public override string Detail =>
        "The two labels word this indication differently. The US label approves intranasal esketamine, together with an oral antidepressant, for depressive symptoms in adults with major depression and acute suicidal ideation or behaviour. The EU Summary of Product Characteristics gives it, together with oral antidepressant therapy, as acute short-term treatment of a moderate to severe depressive episode that is a psychiatric emergency (EU-004). Its value here is speed: it can reduce depressive symptoms within hours, while standard antidepressants take weeks. Suicidal behaviour is C-SSRS item 6, counted within the last 3 months; this app counts an attempt, an aborted or interrupted attempt, or preparatory acts, as the form asks. Passive ideation with such behaviour recorded as absent does not open this pathway; with it not recorded, the pathway stays incomplete (REC-002) until it is.";
}
