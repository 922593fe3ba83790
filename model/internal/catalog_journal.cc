#include "model/internal/catalog_journal.h"

#include "base/status_macros.h"

namespace pgdrift::model::internal {

template <class T>
void CatalogJournal::Save(std::map<QualifiedName, T>& live,
                          std::map<QualifiedName, std::optional<T>>& saved,
                          const QualifiedName& name) {
  if (saved.contains(name)) return;  // the state before the first change is kept
  auto it = live.find(name);
  saved.emplace(name, it == live.end() ? std::nullopt : std::optional<T>(it->second));
}

template <class T>
void CatalogJournal::Restore(std::map<QualifiedName, T>& live,
                             std::map<QualifiedName, std::optional<T>>& saved) {
  for (auto& [name, original] : saved) {
    if (original.has_value()) {
      live.insert_or_assign(name, std::move(*original));
    } else {
      live.erase(name);
    }
  }
  saved.clear();
}

CatalogJournal::~CatalogJournal() {
  if (committed_) return;
  Restore(catalog_->tables, saved_tables_);
  Restore(catalog_->indexes, saved_indexes_);
  Restore(catalog_->sequences, saved_sequences_);
}

Table& CatalogJournal::EditTable(const QualifiedName& name) {
  PGDRIFT_CHECK(catalog_->tables.contains(name));
  Save(catalog_->tables, saved_tables_, name);
  return catalog_->tables.at(name);
}

Index& CatalogJournal::EditIndex(const QualifiedName& name) {
  PGDRIFT_CHECK(catalog_->indexes.contains(name));
  Save(catalog_->indexes, saved_indexes_, name);
  return catalog_->indexes.at(name);
}

Sequence& CatalogJournal::EditSequence(const QualifiedName& name) {
  PGDRIFT_CHECK(catalog_->sequences.contains(name));
  Save(catalog_->sequences, saved_sequences_, name);
  return catalog_->sequences.at(name);
}

Table& CatalogJournal::AddTable(Table table) {
  QualifiedName name = table.name;
  PGDRIFT_CHECK(!catalog_->tables.contains(name));
  Save(catalog_->tables, saved_tables_, name);
  return catalog_->tables.emplace(name, std::move(table)).first->second;
}

Index& CatalogJournal::AddIndex(Index index) {
  QualifiedName name = index.name;
  PGDRIFT_CHECK(!catalog_->indexes.contains(name));
  Save(catalog_->indexes, saved_indexes_, name);
  return catalog_->indexes.emplace(name, std::move(index)).first->second;
}

Sequence& CatalogJournal::AddSequence(Sequence sequence) {
  QualifiedName name = sequence.name;
  PGDRIFT_CHECK(!catalog_->sequences.contains(name));
  Save(catalog_->sequences, saved_sequences_, name);
  return catalog_->sequences.emplace(name, std::move(sequence)).first->second;
}

void CatalogJournal::DropTable(const QualifiedName& name) {
  Save(catalog_->tables, saved_tables_, name);
  catalog_->tables.erase(name);
}

void CatalogJournal::DropIndex(const QualifiedName& name) {
  Save(catalog_->indexes, saved_indexes_, name);
  catalog_->indexes.erase(name);
}

void CatalogJournal::DropSequence(const QualifiedName& name) {
  Save(catalog_->sequences, saved_sequences_, name);
  catalog_->sequences.erase(name);
}

}  // namespace pgdrift::model::internal
