using KetamineCds.Domain.Principles;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using static KetamineCds.Domain.Rules.Conditions.Criteria;

namespace KetamineCds.Domain.Rules.Cardiovascular;

/// <summary>CV-006: Myocardial infarction or stroke in the last 6 weeks: do not treat now. (SPRAVATO-SMPC-EU, SPRAVATO-PI-US) From 1.11.0 its detail points to "To verify" on the Rules page, not to a repository file (QA137 F5); nothing else changes.</summary>
public sealed class RecentMyocardialInfarctionOrStrokeToVerifyOnRulesPage : Rule
{
    public override string Id => "CV-006";

    public override FindingKind Kind => FindingKind.Contraindication;

    public override Severity Severity => Severity.High;

    public override IReadOnlyList<string> Sources { get; } = [Citations.SpravatoSmpcEu, Citations.SpravatoPiUs];

    public override string ConditionText => "A myocardial infarction or a stroke within the last 6 weeks is recorded.";

    public override Condition Condition { get; } = True(Fields.RecentMyocardialInfarctionOrStroke);

    public override string Summary => "Myocardial infarction or stroke in the last 6 weeks: do not treat now.";

    public override string Detail =>
        "A rise in blood pressure soon after a myocardial infarction or a stroke can be dangerous. The EU product information is reported to list a cardiovascular event within the previous 6 weeks, myocardial infarction included, as a contraindication (not yet confirmed in the text read: see To verify on the Rules page), where the US label asks for a careful benefit-risk decision. The safer reading blocks treatment now in every jurisdiction, and counts a recent stroke as such an event too.";
}
