using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>
/// The hash chain's canonical serialization: every field that matters, in a fixed order, each as
/// <c>name=length:value\n</c> (a null is <c>name=~\n</c>) so that no two different entries serialize alike, then
/// SHA-256 over the UTF-8 bytes. Changing this breaks verification of every existing log: it is versioned by the
/// leading tag.
/// </summary>
public static class ChainHash
{
    /// <summary>The previous hash of the first entry of a chain.</summary>
    public static readonly string Genesis = new('0', 64);

    private const string DecisionTag = "ketaminecds/decision-log/v1\n";
    private const string AccessTag = "ketaminecds/access-log/v1\n";

    /// <summary>Truncates to whole microseconds, the precision PostgreSQL keeps, so the stored time is the hashed time.</summary>
    public static DateTime ToStoredTime(DateTimeOffset time)
    {
        var ticks = time.UtcTicks;
        return new DateTime(ticks - (ticks % 10), DateTimeKind.Utc);
    }

    /// <summary>
    /// The fields of a decision-log entry the chain hashes, in the order it hashes them, each with its text as hashed: the
    /// one list that <see cref="Compute(DecisionLogEntry)"/> and the JSON Lines export (and so the offline verifier,
    /// scripts/verify-decision-log.py) both read, so that a field added to the hash cannot be left out of the export.
    /// Append a new field only with <see cref="HashedField.OnlyWhenPresent"/> (before <c>previousHash</c>, which stays
    /// last), so that every entry written before it existed hashes exactly as it did.
    /// </summary>
    public static readonly IReadOnlyList<HashedField> DecisionFields =
    [
        new("sequence", e => e.Sequence.ToString(CultureInfo.InvariantCulture), IsNumber: true),
        new("id", e => e.Id.ToString("D")),
        new("type", e => e.EntryType),
        new("recordedAt", e => Time(e.RecordedAt)),
        new("actorUserId", e => e.ActorUserId),
        new("actorEmail", e => e.ActorEmail),
        new("actorRole", e => e.ActorRole),
        new("correlationId", e => e.CorrelationId),
        new("patientReference", e => e.PatientReference),
        new("overall", e => e.Overall),
        new("ruleSetVersion", e => e.RuleSetVersion),
        new("ruleSetDigest", e => e.RuleSetDigest),
        new("relatesToId", e => e.RelatesToId?.ToString("D")),
        new("correctionReason", e => e.CorrectionReason),
        new("inputJson", e => e.InputJson),
        new("historyJson", e => e.HistoryJson),
        new("assessmentJson", e => e.AssessmentJson),
        // Only when present: entries without an origin hash exactly as they did before the field existed.
        new("hookOrigin", e => e.HookOriginJson, OnlyWhenPresent: true),
        // Likewise: entries without a submission id (all those written before it existed) hash as they did.
        new("submissionId", e => e.SubmissionId?.ToString("D"), OnlyWhenPresent: true),
        new("previousHash", e => e.PreviousHash),
    ];

    /// <summary>How an entry's time is hashed (and exported): UTC, to the microsecond.</summary>
    public const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static string Compute(DecisionLogEntry e)
    {
        var w = new Writer(DecisionTag);
        foreach (var (name, text) in Hashed(e))
        {
            w.Field(name, text);
        }

        return w.Finish();
    }

    /// <summary>The (name, text) pairs <see cref="Compute(DecisionLogEntry)"/> hashes for the entry, in order.</summary>
    public static IEnumerable<(string Name, string? Text)> Hashed(DecisionLogEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        foreach (var field in DecisionFields)
        {
            var text = field.Text(e);
            if (text is null && field.OnlyWhenPresent)
            {
                continue;
            }

            yield return (field.Name, text);
        }
    }

    public static string Compute(AccessLogEntry e)
    {
        var w = new Writer(AccessTag);
        w.Field("sequence", e.Sequence.ToString(CultureInfo.InvariantCulture));
        w.Field("id", e.Id.ToString("D"));
        w.Field("kind", e.Kind);
        w.Field("occurredAt", Time(e.OccurredAt));
        w.Field("userEmail", e.UserEmail);
        w.Field("role", e.Role);
        w.Field("subject", e.Subject);
        w.Field("detail", e.Detail);
        w.Field("correlationId", e.CorrelationId);
        w.Field("previousHash", e.PreviousHash);
        return w.Finish();
    }

    // SQLite hands DateTime back with Kind Unspecified; the stored value is UTC either way.
    private static string Time(DateTime t) =>
        DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString(TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>Streams fields into an incremental SHA-256 through one pooled buffer: no per-entry string building.</summary>
    private struct Writer
    {
        private readonly IncrementalHash _hash;

        public Writer(string tag)
        {
            _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            Append(tag);
        }

        public readonly void Field(string name, string? value)
        {
            Append(name);
            if (value is null)
            {
                Append("=~\n");
                return;
            }

            Append("=");
            Append(value.Length.ToString(CultureInfo.InvariantCulture));
            Append(":");
            Append(value);
            Append("\n");
        }

        public readonly string Finish()
        {
            Span<byte> digest = stackalloc byte[32];
            _hash.GetHashAndReset(digest);
            _hash.Dispose();
            return Convert.ToHexStringLower(digest);
        }

        private readonly void Append(string text)
        {
            var max = Encoding.UTF8.GetMaxByteCount(text.Length);
            if (max <= 512)
            {
                Span<byte> small = stackalloc byte[512];
                var n = Encoding.UTF8.GetBytes(text, small);
                _hash.AppendData(small[..n]);
                return;
            }

            var rented = ArrayPool<byte>.Shared.Rent(max);
            try
            {
                var n = Encoding.UTF8.GetBytes(text, rented);
                _hash.AppendData(rented, 0, n);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
