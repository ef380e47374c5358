namespace Zeues.Web.Admin;

/// <summary>UX 4.8: five failed logins in a row block the login for five minutes (per node).</summary>
public sealed class LoginThrottle(TimeProvider time)
{
    private readonly Lock _gate = new();
    private int _failures;
    private DateTimeOffset? _blockedUntil;

    public bool IsBlocked
    {
        get
        {
            lock (_gate) return _blockedUntil is { } until && time.GetUtcNow() < until;
        }
    }

    public void Failed()
    {
        lock (_gate)
        {
            if (++_failures < 5) return;
            _blockedUntil = time.GetUtcNow().AddMinutes(5);
            _failures = 0;
        }
    }

    public void Succeeded()
    {
        lock (_gate)
        {
            _failures = 0;
            _blockedUntil = null;
        }
    }
}
