namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>The widths of the access log's text columns (Data/Configurations/AccessLogEntryConfiguration).</summary>
public static class AccessLogColumns
{
    public const int UserEmail = 256;
    public const int Role = 64;
    public const int Subject = 128;
    public const int Detail = 2000;
    public const int CorrelationId = 128;
}
