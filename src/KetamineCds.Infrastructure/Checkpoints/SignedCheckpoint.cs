using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace KetamineCds.Infrastructure.Checkpoints;

/// <summary>
/// A signed statement that the decision log's head was at this sequence with this hash at this time. The signature
/// covers <see cref="CanonicalBytes"/>: the fields as <c>name=value</c> lines, UTF-8, each ending in a line feed, in a
/// fixed order, so that an auditor can rebuild the signed bytes with a text editor and check the signature with
/// OpenSSL (docs/security.md). A file holds one checkpoint as JSON (<see cref="ToJson"/>).
/// </summary>
/// <param name="Chain">Which log: <c>decisions</c>.</param>
/// <param name="Sequence">The head's sequence: how many entries the log held (0 for an empty log).</param>
/// <param name="HeadHash">The head entry's hash (64 lower-case hex digits; the genesis zeros for an empty log).</param>
/// <param name="HeadEntryId">The head entry's id, so that a missing entry can be named; null for an empty log.</param>
/// <param name="CreatedAt">When it was signed, UTC, to the microsecond.</param>
/// <param name="KeyId">SHA-256 of the signing key's public key (SubjectPublicKeyInfo DER), lower-case hex.</param>
/// <param name="Signature">ECDSA P-256 over SHA-256 of the canonical bytes, DER-encoded (as OpenSSL writes it), base64.</param>
public sealed partial record SignedCheckpoint(
    string Chain,
    long Sequence,
    string HeadHash,
    Guid? HeadEntryId,
    DateTimeOffset CreatedAt,
    string KeyId,
    string Signature)
{
    /// <summary>The format tag: the first line of the signed bytes and the <c>format</c> field of the file.</summary>
    public const string Format = "ketaminecds-checkpoint/1";

    /// <summary>The signature algorithm, named in the file for an auditor's tools.</summary>
    public const string Algorithm = "ECDSA-P256-SHA256";

    private static readonly JsonSerializerOptions FileJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // Base64 and hex only: write "+" and "/" as they are, so that the file reads as the canonical text does.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The time as it is signed and written: <c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>.</summary>
    public string CreatedAtText => CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A file name that sorts by sequence, then time, and never collides with another checkpoint's.</summary>
    public string FileName => string.Create(
        CultureInfo.InvariantCulture,
        $"checkpoint-{Chain}-{Sequence:D12}-{CreatedAt.UtcDateTime:yyyyMMdd'T'HHmmssffffff'Z'}.json");

    /// <summary>The bytes the signature covers.</summary>
    public byte[] CanonicalBytes() => Canonical(Chain, Sequence, HeadHash, HeadEntryId, CreatedAtText, KeyId);

    internal static byte[] Canonical(string chain, long sequence, string headHash, Guid? headEntryId, string createdAt, string keyId) =>
        Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture,
            $"{Format}\nchain={chain}\nsequence={sequence}\nheadHash={headHash}\nheadEntryId={headEntryId?.ToString("D") ?? "~"}\ncreatedAt={createdAt}\nkeyId={keyId}\n"));

    /// <summary>The checkpoint file's JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(ToDocument(), FileJson);

    /// <summary>The checkpoint file's fields, as <see cref="ToJson"/> writes them (and the API describes them).</summary>
    public SignedCheckpointDocument ToDocument() => new(Format, Chain, Sequence, HeadHash, HeadEntryId, CreatedAtText, KeyId, Algorithm, Signature);

    /// <summary>
    /// Reads a checkpoint file; null and what is wrong with it if it is not a well-formed checkpoint of this format (a kind
    /// and the value it names, for a page to word in its language; <see cref="CheckpointFileProblem.English"/> for the API).
    /// </summary>
    public static SignedCheckpoint? TryParse(string json, out CheckpointFileProblem? problem)
    {
        FileBody? body;
        try
        {
            body = JsonSerializer.Deserialize<FileBody>(json, FileJson);
        }
        catch (JsonException)
        {
            problem = new CheckpointFileProblem(CheckpointFileProblemKind.NotJson);
            return null;
        }

        var kind = body switch
        {
            null => CheckpointFileProblemKind.NotJson,
            // A file with no format at all ("{}", another app's JSON) read "unknown format ''": it names none.
            { Format: null or "" } => CheckpointFileProblemKind.NoFormat,
            { Format: not Format } => CheckpointFileProblemKind.UnknownFormat,
            { Algorithm: null or "" } => CheckpointFileProblemKind.NoAlgorithm,
            { Algorithm: not Algorithm } => CheckpointFileProblemKind.UnknownAlgorithm,
            { Chain: null } or { Chain.Length: 0 or > 32 } => CheckpointFileProblemKind.NoChain,
            _ when !ChainName().IsMatch(body.Chain) => CheckpointFileProblemKind.ChainNotAWord,
            { Sequence: < 0 } => CheckpointFileProblemKind.NegativeSequence,
            _ when body.HeadHash is null || !Hex64().IsMatch(body.HeadHash) => CheckpointFileProblemKind.HeadHashNotHex,
            _ when body.KeyId is null || !Hex64().IsMatch(body.KeyId) => CheckpointFileProblemKind.KeyIdNotHex,
            _ when body.CreatedAt is null || !DateTimeOffset.TryParseExact(body.CreatedAt, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out _) => CheckpointFileProblemKind.TimeNotInFormat,
            _ when string.IsNullOrEmpty(body.Signature) || !IsBase64(body.Signature) => CheckpointFileProblemKind.SignatureNotBase64,
            _ => (CheckpointFileProblemKind?)null,
        };
        if (kind is { } wrong)
        {
            problem = new CheckpointFileProblem(wrong, wrong switch
            {
                CheckpointFileProblemKind.UnknownFormat => body!.Format,
                CheckpointFileProblemKind.UnknownAlgorithm => body!.Algorithm,
                _ => null,
            });
            return null;
        }

        problem = null;
        var createdAt = DateTimeOffset.ParseExact(body!.CreatedAt!, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        return new SignedCheckpoint(body.Chain!, body.Sequence, body.HeadHash!, body.HeadEntryId, createdAt, body.KeyId!, body.Signature!);
    }

    private static bool IsBase64(string text)
    {
        Span<byte> buffer = stackalloc byte[256];
        return text.Length <= 344 && Convert.TryFromBase64String(text, buffer, out var written) && written > 0;
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Hex64();

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex ChainName();

    /// <summary>The file's fields as read: any may be missing, which <see cref="TryParse"/> names.</summary>
    private sealed record FileBody(
        string? Format, string? Chain, long Sequence, string? HeadHash, Guid? HeadEntryId, string? CreatedAt, string? KeyId, string? Algorithm, string? Signature);
}
