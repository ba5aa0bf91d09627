namespace KetamineCds.Domain.Tests.Support;

/// <summary>Marks a test that shows the rule firing. <see cref="Rules.RuleCoverageTests"/> counts these.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class FiresAttribute(string ruleId) : Attribute
{
    public string RuleId { get; } = ruleId;
}

/// <summary>Marks a test at the edge where the rule just does not fire. <see cref="Rules.RuleCoverageTests"/> counts these.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class EdgeAttribute(string ruleId) : Attribute
{
    public string RuleId { get; } = ruleId;
}
