using System.Globalization;
using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KetamineCds.Infrastructure.Data;

/// <summary>
/// SQLite does not type its columns: whoever alters the database file can store any text in a column the app reads as
/// an id or a time, and reading that text would fail the whole query (every list, the export, verification itself).
/// The logs' id and time columns are therefore read through these converters, which read a text that is not an id or
/// a time as <see cref="Guid.Empty"/> or <see cref="DateTime.MinValue"/>, values the app never writes. Verification
/// then finds the entry changed (its hash no longer matches), and every reader names the entry as one that cannot be
/// read (<see cref="IsAltered"/>). The converters write exactly what EF Core's SQLite provider writes (an upper-case id;
/// <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>), so existing databases read unchanged. PostgreSQL types its columns (uuid,
/// timestamp) and needs none of this.
/// </summary>
internal static class SqliteLogColumns
{
    private const string TimeFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";

    private static readonly ValueConverter<Guid, string> Id = new(v => v.ToString("D").ToUpperInvariant(), text => ReadId(text));

    private static readonly ValueConverter<DateTime, string> Time = new(v => v.ToString(TimeFormat, CultureInfo.InvariantCulture), text => ReadTime(text));

    /// <summary>
    /// Reads the id and time columns of the decision log and the access log through the converters. The chain heads'
    /// seeded rows would read as a model change under a converter, so they keep the provider's own reading.
    /// </summary>
    public static void Apply(ModelBuilder builder)
    {
        foreach (var entity in new[] { typeof(DecisionLogEntry), typeof(AccessLogEntry) })
        {
            foreach (var property in builder.Entity(entity).Metadata.GetProperties())
            {
                var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                if (type == typeof(Guid))
                {
                    property.SetValueConverter(Id);
                }
                else if (type == typeof(DateTime))
                {
                    property.SetValueConverter(Time);
                }
            }
        }
    }

    /// <summary>True when an entry's id, time, related id or submission id holds what an altered column reads as (never written by the app).</summary>
    public static bool IsAltered(Guid id, DateTime recordedAt, Guid? relatesToId = null, Guid? submissionId = null) =>
        id == Guid.Empty || recordedAt == DateTime.MinValue || relatesToId == Guid.Empty || submissionId == Guid.Empty;

    private static Guid ReadId(string text) => Guid.TryParse(text, out var id) ? id : Guid.Empty;

    private static DateTime ReadTime(string text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : DateTime.MinValue;
}
