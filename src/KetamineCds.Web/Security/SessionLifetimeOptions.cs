namespace KetamineCds.Web.Security;

/// <summary>Session lifetimes (<c>Sessions:*</c> in configuration).</summary>
public sealed class SessionLifetimeOptions
{
    /// <summary>A session ends this long after sign-in however active it is (<c>Sessions:AbsoluteLifetime</c>, default 12 hours).</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);
}
