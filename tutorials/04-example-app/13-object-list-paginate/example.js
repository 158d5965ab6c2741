function renderTemplate(templateName, context) {
  print(templateName, context.page, context.pages, [...context.message_list].map((m) => m.content));
}

function objectList(templateName, qr, varName = 'object_list', context = {}) {
  context.page = Number(requestArgs.page ?? 1);
  context.pages = qr.count() / 20 + 1;
  context[varName] = qr.paginate(context.page);
  return renderTemplate(templateName, context);
}

const qr = Message.select().orderBy(Message.pub_date.desc());
let requestArgs;
for (requestArgs of [{}, { page: '2' }]) {
  objectList('public_messages.html', qr, 'message_list');
}
