-- roundTrip
select 1;
