using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Age;

/// <summary>AGE-001: Under 18: esketamine is not approved in children and adolescents, and the ketamine evidence is in adults. (SPRAVATO-PI-US)</summary>
public sealed class UnderEighteen : Rule
{
    public override string Id => "AGE-001";

    public override FindingKind Kind => FindingKind.Contraindication;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs];

    public override string ConditionText => "The patient is younger than 18.";

    public override Condition Condition { get; } = Below(Fields.AgeYears, 18);

    public override string Summary => "Under 18: esketamine is not approved in children and adolescents, and the ketamine evidence is in adults.";

    public override string Detail =>
        "The label states that esketamine is not approved in paediatric patients and its safety and effectiveness there are unknown; the pivotal trials enrolled adults only. Every pathway is closed.";
}
