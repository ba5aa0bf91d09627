using System.Globalization;

namespace KetamineCds.Web.Security;

/// <summary>Session lifetimes (<c>Sessions:*</c> in configuration).</summary>
public sealed class SessionLifetimeOptions
{
    /// <summary>The setting of <see cref="AbsoluteLifetime"/>.</summary>
    public const string AbsoluteLifetimeSetting = "Sessions:AbsoluteLifetime";

    /// <summary>A session ends this long after sign-in however active it is (<c>Sessions:AbsoluteLifetime</c>, default 12 hours).</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// Reads <c>Sessions:AbsoluteLifetime</c>; a value that is not a positive time span stops the start with a message
    /// naming the setting (checked at start, StartupFailure), never a 500 at every sign-in.
    /// </summary>
    /// <exception cref="InvalidOperationException">The value is not a positive time span.</exception>
    public static void Bind(SessionLifetimeOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[AbsoluteLifetimeSetting] is not { } text || string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        if (!TimeSpan.TryParse(text.Trim(), CultureInfo.InvariantCulture, out var lifetime) || lifetime <= TimeSpan.Zero)
        {
            throw new InvalidOperationException(
                $"{AbsoluteLifetimeSetting} '{text}' is not a positive time span (for example 12:00:00 for twelve hours, 1.00:00:00 for a day).");
        }

        options.AbsoluteLifetime = lifetime;
    }
}
