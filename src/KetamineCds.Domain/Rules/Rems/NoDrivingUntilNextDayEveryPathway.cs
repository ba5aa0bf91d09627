using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Rems;

/// <summary>REMS-003: No driving or operating machinery until the next day after restful sleep; arrange a ride home. (P-SAFETY-REMS, SPRAVATO-PI-US)</summary>
public class NoDrivingUntilNextDayEveryPathway : Rule
{
    public override string Id => "REMS-003";

    public override FindingKind Kind => FindingKind.Requirement;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<string> Principles { get; } = [Citations.SafetyRems];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs];

    public override string ConditionText => "Any pathway is indicated.";

    public override Condition Condition { get; } = Indications.AnyIndication;

    public override string Summary => "No driving or operating machinery until the next day after restful sleep; arrange a ride home.";

    public override string Detail =>
        "The esketamine label advises against driving or hazardous activity until the day after treatment, following a restful sleep. Racemic ketamine impairs in the same way, so the same applies to every pathway (the safer reading): the patient needs someone to take them home after each session.";
}
