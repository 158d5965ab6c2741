class Customer extends BaseModel {
  static fields = {
    name: new CharField(),
    email: new CharField({ unique: true }),
  };
}

class Order extends BaseModel {
  static fields = {
    customer_email: new CharField(),
    total: new IntegerField(),
  };
}

db.createTables([Customer, Order]);
Customer.create({ name: 'Alice', email: 'alice@example.com' });
Customer.create({ name: 'Bob', email: 'bob@example.com' });
Order.create({ customer_email: 'alice@example.com', total: 10 });
Order.create({ customer_email: 'bob@example.com', total: 20 });
Order.create({ customer_email: 'alice@example.com', total: 30 });
Order.create({ customer_email: 'nobody@example.com', total: 40 });

// Join orders to customers by email, not by a foreign key
const query = Order.select(Order, Customer)
  .join(Customer, { on: Order.customer_email.eq(Customer.email) });
for (const order of query) {
  print(order.total, order.customer.name);
}
