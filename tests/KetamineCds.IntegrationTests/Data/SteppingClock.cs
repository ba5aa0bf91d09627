namespace KetamineCds.IntegrationTests.Data;

/// <summary>A clock the test sets: returns <see cref="Now"/>, then moves it on by <see cref="Step"/>.</summary>
public sealed class SteppingClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();

    public DateTimeOffset Now { get; set; } = start;

    public TimeSpan Step { get; set; } = TimeSpan.FromMinutes(1);

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            var now = Now;
            Now += Step;
            return now;
        }
    }
}
