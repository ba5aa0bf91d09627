namespace KetamineCds.Web.Audit;

/// <summary>The README that goes into the auditor's checkpoint download: the format, and how to check it with OpenSSL.</summary>
public static class CheckpointReadme
{
    public static string Text(string keyId) => $"""
        KetamineCds decision-log checkpoints
        ====================================

        Keep this folder somewhere the app's host and database cannot change (another machine, write-once storage,
        printed). Each checkpoints/*.json file is a signed statement: "the decision log held `sequence` entries, the
        last with hash `headHash` (entry `headEntryId`), at `createdAt`". The log cannot later be cut short, put back
        to an older backup or rewritten without these checkpoints showing it: upload this zip on the app's
        Checkpoints page (Audit > Checkpoints), or call GET /api/v1/audit/verify.

        Signing key: checkpoint-public-key.pem (ECDSA P-256). Its key id, SHA-256 of the DER public key, is
          {keyId}
        Check it:  openssl pkey -pubin -in checkpoint-public-key.pem -outform DER | sha256sum

        The signature (base64, DER-encoded ECDSA over SHA-256) covers these lines, UTF-8, each ending in one line
        feed (\n), nothing else:

          ketaminecds-checkpoint/1
          chain=<chain>
          sequence=<sequence>
          headHash=<headHash>
          headEntryId=<headEntryId, or ~ if null>
          createdAt=<createdAt>
          keyId=<keyId>

        To check one file without the app (python3 and openssl):

          python3 -c 'import json,sys,base64; c=json.load(open(sys.argv[1])); open("signed.txt","w",newline="\n").write("ketaminecds-checkpoint/1\nchain=%s\nsequence=%d\nheadHash=%s\nheadEntryId=%s\ncreatedAt=%s\nkeyId=%s\n" % (c["chain"], c["sequence"], c["headHash"], c["headEntryId"] or "~", c["createdAt"], c["keyId"])); open("signature.der","wb").write(base64.b64decode(c["signature"]))' checkpoints/FILE.json
          openssl dgst -sha256 -verify checkpoint-public-key.pem -signature signature.der signed.txt

        "Verified OK" means the file is as the app signed it. Whether the log still holds it, the app tells you.

        The Checkpoints page takes an upload of at most 1024 KB and checks the newest 200 checkpoint files in it (by
        file name, which sorts by entry number, then time); it says how many older ones it did not check. The page's
        "newest 200" download always fits. To check older files, upload them in batches of up to 200 from this folder,
        or check each one offline: its signature as above, and the entry it signed against the log's export with
          python3 scripts/verify-decision-log.py {ExportExample} --complete --head SEQUENCE:HEADHASH
        where {ExportExample} stands for the export of the whole log as JSON Lines, with no filter (Audit > "Export as
        JSON Lines (lossless)", or GET /api/v1/audit/export.jsonl): it downloads as decision-log-, the UTC time it was
        made to the second, and .jsonl (e.g. {ExportFileName.Of(ExportFileName.DecisionLog, ExampleTime, "jsonl")}).
        The script is in KetamineCds's source (scripts/); docs/operations.md says what it checks.
        """;

    /// <summary>The export's file name as the README's command gives it: a placeholder for the time (<see cref="ExportFileName"/>).</summary>
    public const string ExportExample = ExportFileName.DecisionLog + "-<time>.jsonl";

    /// <summary>The time of the README's example file name, as docs/operations.md's example.</summary>
    private static readonly DateTimeOffset ExampleTime = new(2026, 12, 7, 8, 15, 30, TimeSpan.Zero);
}
