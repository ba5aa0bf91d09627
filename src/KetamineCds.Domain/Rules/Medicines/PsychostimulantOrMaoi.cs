using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Medicines;

/// <summary>MED-003: Psychostimulant or MAOI co-medication: blood pressure may rise further; monitor it closely. (SPRAVATO-PI-US)</summary>
public sealed class PsychostimulantOrMaoi : Rule
{
    public override string Id => "MED-003";

    public override FindingKind Kind => FindingKind.Caution;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs];

    public override string ConditionText => "The patient is recorded as taking a psychostimulant or an MAOI.";

    public override Condition Condition { get; } = True(Fields.OnPsychostimulantOrMaoi);

    public override string Summary => "Psychostimulant or MAOI co-medication: blood pressure may rise further; monitor it closely.";

    public override string Detail =>
        "The label asks for close blood-pressure monitoring when esketamine is used with psychostimulants (amphetamines, methylphenidate, modafinil, armodafinil) or monoamine oxidase inhibitors.";
}
