// CatalogJournal: makes a multi-object change to the Catalog all-or-nothing. Every
// table, index and sequence a statement changes, adds or drops goes through the
// journal, which saves the object's state before its first change; unless Commit() is
// called, the destructor puts every saved object back, so a statement that fails part
// way leaves the catalog exactly as it was (as PostgreSQL's atomic statements do).
#ifndef PGDRIFT_MODEL_INTERNAL_CATALOG_JOURNAL_H_
#define PGDRIFT_MODEL_INTERNAL_CATALOG_JOURNAL_H_

#include <map>
#include <optional>

#include "model/catalog.h"

namespace pgdrift::model::internal {

class CatalogJournal {
 public:
  explicit CatalogJournal(Catalog* catalog) : catalog_(catalog) {}
  CatalogJournal(const CatalogJournal&) = delete;
  CatalogJournal& operator=(const CatalogJournal&) = delete;
  // Rolls back every change unless Commit() was called.
  ~CatalogJournal();

  // The live catalog, with the changes made so far (read it through here).
  const Catalog& catalog() const { return *catalog_; }

  // The object called `name` (which must exist), saved for rollback before it is
  // returned for changing.
  Table& EditTable(const QualifiedName& name);
  Index& EditIndex(const QualifiedName& name);
  Sequence& EditSequence(const QualifiedName& name);

  // Adds an object (whose name must be free) and returns it.
  Table& AddTable(Table table);
  Index& AddIndex(Index index);
  Sequence& AddSequence(Sequence sequence);

  // Removes an object, if present.
  void DropTable(const QualifiedName& name);
  void DropIndex(const QualifiedName& name);
  void DropSequence(const QualifiedName& name);

  // Keeps the changes.
  void Commit() { committed_ = true; }

 private:
  template <class T>
  static void Save(std::map<QualifiedName, T>& live,
                   std::map<QualifiedName, std::optional<T>>& saved, const QualifiedName& name);
  template <class T>
  static void Restore(std::map<QualifiedName, T>& live,
                      std::map<QualifiedName, std::optional<T>>& saved);

  Catalog* catalog_;
  bool committed_ = false;
  std::map<QualifiedName, std::optional<Table>> saved_tables_;
  std::map<QualifiedName, std::optional<Index>> saved_indexes_;
  std::map<QualifiedName, std::optional<Sequence>> saved_sequences_;
};

}  // namespace pgdrift::model::internal

#endif  // PGDRIFT_MODEL_INTERNAL_CATALOG_JOURNAL_H_
