using System.Diagnostics.CodeAnalysis;

namespace PaperBot.Core.Results;

/// <summary>
/// The outcome of an operation that can fail in an expected way: a value, or a <see cref="Problem"/>.
/// Exceptions stay reserved for bugs and for faults nobody can answer for.
/// </summary>
public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T value)
    {
        _value = value;
        Problem = null;
    }

    private Result(Problem problem)
    {
        _value = default;
        Problem = problem;
    }

    public Problem? Problem { get; }

    [MemberNotNullWhen(false, nameof(Problem))]
    public bool IsSuccess => Problem is null;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"No value: {Problem.Message}");

    public static implicit operator Result<T>(T value) => new(value);

    public static implicit operator Result<T>(Problem problem) => new(problem);

    public bool TryGetValue([MaybeNullWhen(false)] out T value, [MaybeNullWhen(true)] out Problem problem)
    {
        value = _value;
        problem = Problem;
        return IsSuccess;
    }

    public TOut Match<TOut>(Func<T, TOut> onValue, Func<Problem, TOut> onProblem) =>
        IsSuccess ? onValue(_value!) : onProblem(Problem);

    public override string ToString() => IsSuccess ? $"Ok({_value})" : $"Problem({Problem.Message})";
}
