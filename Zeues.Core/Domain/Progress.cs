namespace Zeues.Core.Domain;

/// <summary>d of t unions done for an operation; "partial" means 1 ≤ d &lt; t.</summary>
public readonly record struct Progress(int Done, int Total)
{
    public bool Partial => Done >= 1 && Done < Total;

    public override string ToString() => $"{Done}/{Total}";
}
