using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PracticeBot.Core.Storage;

/// <summary>
/// An EF Core compiled query for the hot paths, compiled once for each model it meets: EF refuses to run a compiled
/// query against a model other than the one it was compiled for, and the SQLite and PostgreSQL contexts each have
/// their own (both can live in one process, as in the tests).
/// </summary>
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = [];
    private readonly ConditionalWeakTable<IModel, TQuery>.CreateValueCallback _compile = _ => compile();

    public TQuery For(DbContext db) => _byModel.GetValue(db.Model, _compile);
}
