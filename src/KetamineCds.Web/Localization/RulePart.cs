namespace KetamineCds.Web.Localization;

/// <summary>The three texts of a rule, as they appear in its resource keys.</summary>
public enum RulePart { Summary, Detail, Condition }
