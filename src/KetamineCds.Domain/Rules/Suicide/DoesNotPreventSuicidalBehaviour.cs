using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Suicide;

/// <summary>SUI-006: Esketamine and ketamine have not been shown to prevent suicidal behaviour, and do not replace hospitalisation. (P-SUICIDALITY-LIMIT, SPRAVATO-PI-US)</summary>
public sealed class DoesNotPreventSuicidalBehaviour : Rule
{
    public override string Id => "SUI-006";

    public override FindingKind Kind => FindingKind.Information;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Principles { get; } = [Citations.SuicidalityLimit];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs];

    public override string ConditionText => "Any suicidality is recorded.";

    public override Condition Condition { get; } = Indications.AnySuicidality;

    public override string Summary => "Esketamine and ketamine have not been shown to prevent suicidal behaviour, and do not replace hospitalisation.";

    public override string Detail =>
        "Rapid relief of depressive symptoms and suicidal thoughts is not the same as safety. The label's limitations of use state that prevention of suicide or reduction of suicidal ideation or behaviour has not been demonstrated, that the need for hospitalisation remains if clinically warranted even after improvement, and that use beyond 4 weeks for this indication has not been systematically evaluated.";
}
