namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>Where a page of the auditor's list ends: the next page starts strictly before this (newest first).</summary>
public sealed record AuditCursor(DateTimeOffset RecordedAt, long Sequence)
{
    public string Encode() => RecordedAt.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static AuditCursor? TryDecode(string? text)
    {
        var parts = text?.Split('-');
        return parts is [var t, var s]
            && long.TryParse(t, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
            && long.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var sequence)
            && ticks <= DateTime.MaxValue.Ticks
            ? new AuditCursor(new DateTimeOffset(ticks, TimeSpan.Zero), sequence)
            : null;
    }
}
