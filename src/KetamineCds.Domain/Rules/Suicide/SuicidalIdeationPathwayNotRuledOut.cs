using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Suicide;

/// <summary>
/// SUI-016, from 1.20.0: major depression in a current episode with an answer that decides the suicidal-ideation pathway
/// not recorded (passive ideation with recent suicidal behaviour not recorded, or suicidality recorded as none beside a
/// positive PHQ-9 item 9 with the suicide-risk assessment since not recorded), so that the pathway cannot yet be ruled out
/// and waits (REC-002). 1.5.0 and 1.8.0 to 1.19.0 said this in SUI-001's own texts, whose title then named both the
/// indication and this; from 1.20.0 SUI-001 says only the indication and this rule stands for it while it fires
/// (<see cref="PathwayDefinition.NotRuledOutRuleId"/>; helper 239, docs/clinical-review.md, section 32). Kind, severity and
/// citations are 1.19.0's SUI-001's. No new clinical claim: the condition is SUI-001's branch since 1.8.0
/// (<see cref="Indications.SuicidalIdeationNotRuledOut"/>).
/// </summary>
public sealed class SuicidalIdeationPathwayNotRuledOut : Rule
{
    public override string Id => "SUI-016";

    public override FindingKind Kind => FindingKind.Information;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Principles { get; } = [Citations.SuicidalityApproval, Citations.SuicidalityRapid];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs, Citations.SpravatoSmpcEu, Citations.Cssrs, Citations.Phq9];

    public override string ConditionText =>
        "Major depressive disorder in a current depressive episode with passive suicidal ideation and preparatory acts or an aborted or interrupted attempt in the last 3 months not recorded, or with suicidality recorded as none while PHQ-9 item 9 is 1 or more and the suicide-risk assessment since is not recorded, so that the suicidal-ideation pathway cannot yet be ruled out (REC-002).";

    public override Condition Condition { get; } = Indications.SuicidalIdeationNotRuledOut;

    public override string Summary =>
        "An answer that decides the esketamine pathway for acute suicidal ideation is not recorded: the pathway cannot yet be ruled out. Record recent suicidal behaviour after passive ideation, or the suicide-risk assessment after a positive PHQ-9 item 9.";

    public override string Detail =>
        "Major depression with acute suicidal ideation or recent suicidal behaviour opens this pathway (SUI-001); suicidal behaviour is C-SSRS item 6, counted within the last 3 months (an attempt, an aborted or interrupted attempt, or preparatory acts). A blank answer is never read as no: with passive ideation and that behaviour not recorded, or with suicidality recorded as none beside a positive PHQ-9 item 9 and the suicide-risk assessment since not recorded (SUI-008), the pathway stays incomplete (REC-002) until the answer is recorded. Passive ideation with such behaviour recorded as absent, or an assessment since recorded, does not open it.";
}
