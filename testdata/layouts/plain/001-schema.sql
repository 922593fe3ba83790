-- Fixture: plain layout, first by file name.
create table items (id int primary key);
