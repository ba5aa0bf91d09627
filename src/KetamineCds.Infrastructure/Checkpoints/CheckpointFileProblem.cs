using System.Globalization;

namespace KetamineCds.Infrastructure.Checkpoints;

/// <summary>What makes a file not a checkpoint this app can read (<see cref="CheckpointFileProblem"/>).</summary>
public enum CheckpointFileProblemKind
{
    /// <summary>Text that is not JSON, or JSON that is not an object of the checkpoint's fields (an empty file too).</summary>
    NotJson,

    /// <summary>
    /// Larger than a checkpoint file can be (<see cref="CheckpointFiles.MaxFileBytes"/>): not read, and its size in
    /// <see cref="CheckpointFileProblem.Bytes"/> (helper 298: it was called "not a JSON checkpoint").
    /// </summary>
    TooLarge,

    /// <summary>Not text: not UTF-8, or holding a NUL byte (an image, a PDF).</summary>
    NotText,

    /// <summary>Named .zip but not a zip file (helper 298: it was called "not a JSON checkpoint").</summary>
    NotAZip,

    /// <summary>A file in a zip whose compressed data could not be unpacked (the zip is damaged).</summary>
    DamagedInZip,

    /// <summary>
    /// A file that starts as a zip does (<c>PK\x03\x04</c> or <c>PK\x05\x06</c>), whatever its name, but cannot be opened
    /// as one: cut short, or otherwise damaged (helper 304: a zip not named .zip was "not readable as text").
    /// </summary>
    DamagedZip,

    /// <summary>
    /// A .zip inside an uploaded zip: not opened (one level of zips is read, so a crafted upload cannot nest its way past
    /// the bound on what is inflated); named so that the checkpoints it may hold are not left out without a word.
    /// </summary>
    ZipInZip,

    /// <summary>The file names no format.</summary>
    NoFormat,

    /// <summary>The file names a format other than <see cref="SignedCheckpoint.Format"/>.</summary>
    UnknownFormat,

    /// <summary>The file names no signature algorithm.</summary>
    NoAlgorithm,

    /// <summary>The file names a signature algorithm other than <see cref="SignedCheckpoint.Algorithm"/>.</summary>
    UnknownAlgorithm,

    /// <summary>The file names no chain (or a name longer than 32 characters).</summary>
    NoChain,

    /// <summary>The chain's name is not a plain word (lower-case letters, digits and hyphens).</summary>
    ChainNotAWord,

    /// <summary>A well-formed checkpoint of another chain than the decision log's.</summary>
    OtherChain,

    /// <summary>The sequence is below zero.</summary>
    NegativeSequence,

    /// <summary>The head hash is not 64 lower-case hex digits.</summary>
    HeadHashNotHex,

    /// <summary>The key id is not 64 lower-case hex digits.</summary>
    KeyIdNotHex,

    /// <summary>The time is not <c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>.</summary>
    TimeNotInFormat,

    /// <summary>The signature is missing or not base64.</summary>
    SignatureNotBase64,
}

/// <summary>
/// Why a file is not a checkpoint this app can read: its kind and the value the file gives where the kind names one, so
/// that a page words it in its own language (KetamineCds.Web's CheckpointTexts, from PageText), and
/// <see cref="English"/>, the words the decision log's API gives in <see cref="CheckpointStatus.Reason"/>.
/// </summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Found">The format, algorithm or chain the file names (<see cref="CheckpointFileProblemKind.UnknownFormat"/>,
/// <see cref="CheckpointFileProblemKind.UnknownAlgorithm"/>, <see cref="CheckpointFileProblemKind.OtherChain"/>); null for the other kinds.</param>
/// <param name="Bytes">The file's size, for <see cref="CheckpointFileProblemKind.TooLarge"/>; null for the other kinds.</param>
public sealed record CheckpointFileProblem(CheckpointFileProblemKind Kind, string? Found = null, long? Bytes = null)
{
    /// <summary>The largest a checkpoint file may be, in bytes (<see cref="CheckpointFiles.MaxFileBytes"/>).</summary>
    public const int MaxBytes = CheckpointFiles.MaxFileBytes;

    /// <summary>A file larger than a checkpoint can be, of <paramref name="bytes"/> bytes.</summary>
    public static CheckpointFileProblem TooLarge(long bytes) => new(CheckpointFileProblemKind.TooLarge, Bytes: bytes);

    /// <summary>The problem in the API's words, a clause: "unknown format 'x' (expected ketaminecds-checkpoint/1)".</summary>
    public string English => Kind switch
    {
        CheckpointFileProblemKind.NotJson => "not a JSON checkpoint",
        CheckpointFileProblemKind.TooLarge => string.Create(CultureInfo.InvariantCulture, $"the file is {Bytes:N0} bytes, larger than a checkpoint file can be (at most {MaxBytes:N0} bytes, {MaxBytes / 1024} KB)"),
        CheckpointFileProblemKind.NotText => "not readable as text (a checkpoint is a UTF-8 JSON file)",
        CheckpointFileProblemKind.NotAZip => "named .zip, but not a zip file",
        CheckpointFileProblemKind.DamagedInZip => "it could not be unpacked from the zip (the zip is damaged)",
        CheckpointFileProblemKind.DamagedZip => "a zip file, but it could not be opened (the zip is damaged)",
        CheckpointFileProblemKind.ZipInZip => "a zip inside the uploaded zip, which is not opened (unzip the outer zip and upload this one by itself)",
        CheckpointFileProblemKind.NoFormat => $"no format named (expected {SignedCheckpoint.Format})",
        CheckpointFileProblemKind.UnknownFormat => $"unknown format '{Found}' (expected {SignedCheckpoint.Format})",
        CheckpointFileProblemKind.NoAlgorithm => $"no algorithm named (expected {SignedCheckpoint.Algorithm})",
        CheckpointFileProblemKind.UnknownAlgorithm => $"unknown algorithm '{Found}' (expected {SignedCheckpoint.Algorithm})",
        CheckpointFileProblemKind.NoChain => "no chain named",
        CheckpointFileProblemKind.ChainNotAWord => "the chain name is not a plain word",
        CheckpointFileProblemKind.OtherChain => $"a checkpoint of the '{Found}' chain, not of the decision log",
        CheckpointFileProblemKind.NegativeSequence => "negative sequence",
        CheckpointFileProblemKind.HeadHashNotHex => "the head hash is not 64 lower-case hex digits",
        CheckpointFileProblemKind.KeyIdNotHex => "the key id is not 64 lower-case hex digits",
        CheckpointFileProblemKind.TimeNotInFormat => "the time is not yyyy-MM-ddTHH:mm:ss.ffffffZ",
        CheckpointFileProblemKind.SignatureNotBase64 => "the signature is not base64",
        _ => string.Create(CultureInfo.InvariantCulture, $"not a readable checkpoint ({Kind})"),
    };
}
