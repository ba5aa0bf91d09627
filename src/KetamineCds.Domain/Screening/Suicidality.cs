namespace KetamineCds.Domain.Screening;

/// <summary>Current suicidality (contract field <c>suicidality</c>); a recent attempt is one within 3 months.</summary>
public enum Suicidality { None, PassiveIdeation, ActiveIdeation, ActiveIdeationWithPlan, RecentAttempt }
