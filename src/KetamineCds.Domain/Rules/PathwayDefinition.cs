using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules;

/// <summary>A treatment pathway and the rules that decide it.</summary>
/// <param name="Pathway">The pathway.</param>
/// <param name="IndicationRuleId">The id of the information rule whose firing means the pathway is indicated.</param>
/// <param name="InvestigationalOnly">True where an indicated, unblocked pathway is reported as investigational, never eligible.</param>
/// <param name="CompletenessRuleId">
/// The id of the requirement rule that fires when a safety item that could block the pathway is not recorded (1.1);
/// null in rule sets that predate it.
/// </param>
/// <param name="NotRuledOutRuleId">
/// From 1.19.0, the id of the information rule whose firing means the pathway's indication cannot yet be ruled out (an
/// answer that decides it is not recorded): the pathway is then decided as an indicated one, listing this rule first, so
/// that it waits (its completeness rule) or is blocked but never reads "not applicable". Null where the indication rule
/// says both itself (SUI-001 of the suicidal-ideation pathway until 1.19.0; from 1.20.0 that pathway names SUI-016 here),
/// and in rule sets before 1.19.0.
/// </param>
public sealed record PathwayDefinition(Pathway Pathway, string IndicationRuleId, bool InvestigationalOnly = false, string? CompletenessRuleId = null, string? NotRuledOutRuleId = null);
