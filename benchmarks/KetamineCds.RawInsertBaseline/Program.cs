using System.Security.Cryptography;
using System.Text;
using Npgsql;

// The baseline the screening API is compared with: read the same JSON body, then one INSERT of a row of the same
// size as a decision-log entry (the body plus padding the size of a stored assessment), synchronous commit, 201.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var connectionString = builder.Configuration.GetConnectionString("Baseline")
    ?? throw new InvalidOperationException("ConnectionStrings:Baseline is required.");
var padding = new string('x', builder.Configuration.GetValue("Baseline:PaddingBytes", 6000));
var dataSource = NpgsqlDataSource.Create(connectionString);

await using (var setup = dataSource.CreateCommand(
    "CREATE TABLE IF NOT EXISTS raw_insert_baseline (id uuid PRIMARY KEY, recorded_at timestamptz NOT NULL, " +
    "input_json text NOT NULL, assessment_json text NOT NULL, entry_hash bytea NOT NULL)"))
{
    await setup.ExecuteNonQueryAsync();
}

var app = builder.Build();
app.MapPost("/raw", async (HttpRequest request) =>
{
    using var reader = new StreamReader(request.Body, Encoding.UTF8);
    var body = await reader.ReadToEndAsync();
    var id = Guid.CreateVersion7();
    await using var cmd = dataSource.CreateCommand(
        "INSERT INTO raw_insert_baseline (id, recorded_at, input_json, assessment_json, entry_hash) VALUES ($1, $2, $3, $4, $5)");
    cmd.Parameters.AddWithValue(id);
    cmd.Parameters.AddWithValue(DateTimeOffset.UtcNow);
    cmd.Parameters.AddWithValue(body);
    cmd.Parameters.AddWithValue(padding);
    cmd.Parameters.AddWithValue(SHA256.HashData(Encoding.UTF8.GetBytes(body)));
    await cmd.ExecuteNonQueryAsync();
    return Results.Created("/raw/" + id, new { id });
});
app.MapGet("/raw/count", async () =>
{
    await using var cmd = dataSource.CreateCommand("SELECT count(*) FROM raw_insert_baseline");
    return Results.Ok(new { count = (long)(await cmd.ExecuteScalarAsync())! });
});
app.Run();
