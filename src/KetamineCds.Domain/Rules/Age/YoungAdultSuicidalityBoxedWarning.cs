using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Age;

/// <summary>AGE-002: Aged 24 or under: a boxed warning of more suicidal thoughts and behaviour in young adults on antidepressants; monitor closely. (SPRAVATO-PI-US)</summary>
public sealed class YoungAdultSuicidalityBoxedWarning : Rule
{
    public override string Id => "AGE-002";

    public override FindingKind Kind => FindingKind.Caution;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs];

    public override string ConditionText => "The patient is aged 18 to 24.";

    public override Condition Condition { get; } = Between(Fields.AgeYears, 18, 24);

    public override string Summary => "Aged 24 or under: a boxed warning of more suicidal thoughts and behaviour in young adults on antidepressants; monitor closely.";

    public override string Detail =>
        "The label carries the antidepressant class boxed warning: pooled data show a higher risk of suicidal thoughts and behaviours in patients aged 24 and younger. Watch for worsening and for new suicidal thoughts at every visit.";
}
