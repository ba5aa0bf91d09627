using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Cardiovascular;

/// <summary>CV-007: Respiratory disease or sleep apnoea: may carry a higher risk of respiratory depression; monitor breathing with pulse oximetry in a setting able to resuscitate. (P-SAFETY-REMS, SPRAVATO-PI-US, SPRAVATO-SMPC-EU) From 1.11.0 its detail points to "To verify" on the Rules page, not to a repository file (QA137 F5); nothing else changes.</summary>
public sealed class RespiratoryDiseaseOrSleepApneaToVerifyOnRulesPage : Rule
{
    public override string Id => "CV-007";

    public override FindingKind Kind => FindingKind.Caution;

    public override Severity Severity => Severity.Moderate;

    public override IReadOnlyList<string> Principles { get; } = [Citations.SafetyRems];

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoPiUs, Citations.SpravatoSmpcEu];

    public override string ConditionText => "Respiratory disease or sleep apnoea (COPD, pulmonary insufficiency or sleep apnoea) is recorded.";

    public override Condition Condition { get; } = True(Fields.RespiratoryDiseaseOrSleepApnea);

    public override string Summary => "Respiratory disease or sleep apnoea: may carry a higher risk of respiratory depression; monitor breathing with pulse oximetry in a setting able to resuscitate.";

    public override string Detail =>
        "Respiratory depression has been reported after esketamine, and the current label asks for pulse oximetry at every session; that lung disease or sleep apnoea raises the risk is this app's reading, not yet confirmed (see To verify on the Rules page). The EU product information asks that patients with clinically significant or unstable respiratory conditions be treated where resuscitation equipment and trained staff are at hand.";
}
