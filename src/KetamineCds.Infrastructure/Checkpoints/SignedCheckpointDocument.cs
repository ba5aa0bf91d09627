namespace KetamineCds.Infrastructure.Checkpoints;

/// <summary>
/// A checkpoint file's JSON, field by field in the order it is written: what <c>POST /api/v1/audit/checkpoints</c>
/// answers and an auditor keeps. The signature covers the checkpoint's canonical lines (docs/security.md), not this JSON.
/// </summary>
/// <param name="Format">Always <c>ketaminecds-checkpoint/1</c>.</param>
/// <param name="Chain">Which log: <c>decisions</c>.</param>
/// <param name="Sequence">How many entries the log held (0 for an empty log).</param>
/// <param name="HeadHash">The head entry's hash, 64 lower-case hex digits.</param>
/// <param name="HeadEntryId">The head entry's id; null for an empty log.</param>
/// <param name="CreatedAt">When it was signed, UTC, <c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>, exactly as signed.</param>
/// <param name="KeyId">SHA-256 of the signing key's public key, lower-case hex.</param>
/// <param name="Algorithm">Always <c>ECDSA-P256-SHA256</c>.</param>
/// <param name="Signature">The DER-encoded signature, base64.</param>
public sealed record SignedCheckpointDocument(
    string Format, string Chain, long Sequence, string HeadHash, Guid? HeadEntryId, string CreatedAt, string KeyId, string Algorithm, string Signature);
