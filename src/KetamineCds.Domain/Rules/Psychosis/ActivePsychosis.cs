using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Psychosis;

/// <summary>PSY-001: Active psychosis: ketamine and esketamine are not given now. (P-PSYCHOSIS, SPRAVATO-PI-US, ASRA-KETAMINE-PAIN-2018)</summary>
public sealed class ActivePsychosis : Rule
{
    public override string Id => "PSY-001";

    public override FindingKind Kind => FindingKind.Contraindication;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Principles { get; } = [Citations.Psychosis];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs, Citations.AsraKetaminePain2018];

    public override string ConditionText => "Psychosis is active now.";

    public override Condition Condition { get; } = Is(Fields.Psychosis, PsychosisStatus.Active);

    public override string Summary => "Active psychosis: ketamine and esketamine are not given now.";

    public override string Detail =>
        "Ketamine can provoke psychotic symptoms and the pivotal esketamine trials excluded psychotic depression. The label itself asks for careful assessment and benefit above risk rather than listing psychosis as a contraindication, and the pain consensus calls it a relative contraindication (discrepancy D6); the safer reading is encoded here: treatment is blocked until psychosis is controlled.";
}
