-- Fixture: plain layout, second by file name.
alter table items add column label text;
